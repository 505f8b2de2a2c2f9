package io.grpo4j.grpo;

/**
 * One completion ready for the policy update (plain Java).
 *
 * @param samplingLogProbs per completion token, from the sampler
 * @param truncated it hit max_new_tokens
 */
public record Episode(int[] promptIds, int[] completionIds, float[] samplingLogProbs, double advantage, boolean truncated) {}
