package io.grpo4j.generate;

/**
 * One sampled completion, plain Java (no tensors).
 *
 * @param promptIndex index of its prompt in the request
 * @param sampleIndex which of the G samples of that prompt
 * @param tokenIds generated ids, including a final stop token if one was sampled, and every
 *     token up to the one that completed a stop string
 * @param text decoded completion without special tokens, cut before a stop string
 * @param logProbs log-probability of each token id under the tempered sampling distribution
 * @param finishReason why it ended
 */
public record Completion(
        int promptIndex, int sampleIndex, int[] tokenIds, String text, float[] logProbs, FinishReason finishReason) {}
