package io.grpo4j.grpo;

/**
 * One completion ready for the policy update (plain Java).
 *
 * @param samplingLogProbs per completion token, from the sampler
 * @param truncated it hit max_new_tokens
 * @param entropyFrom index of the first completion token that the entropy bonus covers (0: all of
 *     them; the completion's length: none), see {@code grpo.entropy_after}
 */
public record Episode(int[] promptIds, int[] completionIds, float[] samplingLogProbs, double advantage, boolean truncated,
        int entropyFrom) {

    public Episode {
        if (entropyFrom < 0) {
            throw new IllegalArgumentException("entropyFrom must be >= 0, got " + entropyFrom);
        }
    }

    /** An episode whose every token gets the entropy bonus. */
    public Episode(int[] promptIds, int[] completionIds, float[] samplingLogProbs, double advantage, boolean truncated) {
        this(promptIds, completionIds, samplingLogProbs, advantage, truncated, 0);
    }
}
