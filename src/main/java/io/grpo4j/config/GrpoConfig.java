package io.grpo4j.config;

import com.fasterxml.jackson.annotation.JsonProperty;
import java.util.List;

/**
 * The GRPO family's knobs (formulas in docs: design.md §3).
 *
 * @param numGenerations G, completions per prompt
 * @param promptsPerStep prompts per step; a step trains on promptsPerStep × G completions
 * @param minibatchSize completions per optimizer step (steps per μ-pass = batch / minibatch)
 * @param microBatchSize completions per forward/backward (gradient accumulation inside a minibatch)
 * @param numIterations μ, passes over each batch (old log-probs kept from before the first)
 * @param scaleRewards group | batch | none (none = Dr. GRPO)
 * @param advantage grpo (mean/std normalised) | rloo (leave-one-out baseline)
 * @param epsilon lower clip ε_low
 * @param epsilonHigh upper clip ε_high (DAPO clip-higher; = epsilon for symmetric clipping)
 * @param lossType grpo | bnpo | dapo | dr_grpo
 * @param importanceLevel token | sequence (GSPO)
 * @param beta KL coefficient to the frozen reference (0 loads no reference)
 * @param klEstimator k1 | k2 | k3
 * @param maskTruncatedCompletions leave completions that hit max_new_tokens out of the loss
 * @param dynamicSampling drop groups whose rewards are all equal and sample fresh ones
 * @param maxDynamicRounds extra sampling rounds at most per step
 * @param entropyCoef weight of an entropy bonus subtracted from the loss (0 = off): keeps a
 *     policy that starts from nothing from collapsing onto one answer before it learns
 * @param entropyAfter where the entropy bonus starts in each completion: after the first
 *     occurrence of this text (e.g. "&lt;answer&gt;"; a completion without it gets no bonus), or
 *     null for every token. Why: over the whole completion the bonus is spent on free text (a run
 *     kept its think span random while every answer collapsed onto "4")
 * @param entropyTarget 0: entropy_coef stays fixed; &gt; 0: entropy_coef is the starting value of a
 *     coefficient that adapts after every step to hold the mean entropy of the covered tokens
 *     near this many nats (see {@link io.grpo4j.grpo.EntropyController})
 */
public record GrpoConfig(
        @JsonProperty("num_generations") int numGenerations,
        @JsonProperty("prompts_per_step") int promptsPerStep,
        @JsonProperty("minibatch_size") int minibatchSize,
        @JsonProperty("micro_batch_size") int microBatchSize,
        @JsonProperty("num_iterations") int numIterations,
        @JsonProperty("scale_rewards") String scaleRewards,
        @JsonProperty("advantage") String advantage,
        @JsonProperty("epsilon") double epsilon,
        @JsonProperty("epsilon_high") double epsilonHigh,
        @JsonProperty("loss_type") String lossType,
        @JsonProperty("importance_level") String importanceLevel,
        @JsonProperty("beta") double beta,
        @JsonProperty("kl_estimator") String klEstimator,
        @JsonProperty("mask_truncated_completions") boolean maskTruncatedCompletions,
        @JsonProperty("dynamic_sampling") boolean dynamicSampling,
        @JsonProperty("max_dynamic_rounds") int maxDynamicRounds,
        @JsonProperty("entropy_coef") double entropyCoef,
        @JsonProperty("entropy_after") String entropyAfter,
        @JsonProperty("entropy_target") double entropyTarget) {

    public static final List<String> SCALE = List.of("group", "batch", "none");
    public static final List<String> ADVANTAGES = List.of("grpo", "rloo");
    public static final List<String> LOSS_TYPES = List.of("grpo", "bnpo", "dapo", "dr_grpo");
    public static final List<String> IMPORTANCE = List.of("token", "sequence");
    public static final List<String> KL = List.of("k1", "k2", "k3");

    public GrpoConfig {
        oneOf("grpo.scale_rewards", scaleRewards, SCALE);
        oneOf("grpo.advantage", advantage, ADVANTAGES);
        oneOf("grpo.loss_type", lossType, LOSS_TYPES);
        oneOf("grpo.importance_level", importanceLevel, IMPORTANCE);
        oneOf("grpo.kl_estimator", klEstimator, KL);
        Checks.require(numGenerations >= 2, "grpo.num_generations must be >= 2 (advantages compare samples of a prompt), got " + numGenerations);
        Checks.require(promptsPerStep >= 1, "grpo.prompts_per_step must be >= 1, got " + promptsPerStep);
        Checks.require(numIterations >= 1, "grpo.num_iterations must be >= 1, got " + numIterations);
        Checks.require(epsilon >= 0 && epsilonHigh >= 0, "grpo.epsilon and grpo.epsilon_high must be >= 0");
        Checks.require(beta >= 0, "grpo.beta must be >= 0, got " + beta);
        Checks.require(maxDynamicRounds >= 0, "grpo.max_dynamic_rounds must be >= 0, got " + maxDynamicRounds);
        Checks.require(entropyCoef >= 0 && Double.isFinite(entropyCoef), "grpo.entropy_coef must be >= 0, got " + entropyCoef);
        Checks.require(entropyAfter == null || !entropyAfter.isEmpty(),
                "grpo.entropy_after must be a non-empty text (such as \"<answer>\") or null for every token, got \"\"");
        Checks.require(entropyTarget >= 0 && Double.isFinite(entropyTarget), "grpo.entropy_target must be >= 0 (0 = a fixed entropy_coef), got " + entropyTarget);
        Checks.require(entropyTarget == 0 || entropyCoef > 0,
                "grpo.entropy_target needs a starting grpo.entropy_coef > 0 (for example 0.01), got " + entropyCoef);
        int batch = numGenerations * promptsPerStep;
        Checks.require(minibatchSize >= 1 && batch % minibatchSize == 0,
                "grpo.minibatch_size (" + minibatchSize + ") must divide prompts_per_step × num_generations (" + batch
                        + "); try " + divisors(batch));
        Checks.require(microBatchSize >= 1 && minibatchSize % microBatchSize == 0,
                "grpo.micro_batch_size (" + microBatchSize + ") must divide minibatch_size (" + minibatchSize + "); try "
                        + divisors(minibatchSize));
    }

    private static void oneOf(String field, String value, List<String> allowed) {
        Checks.require(allowed.contains(value), field + " must be one of " + allowed + ", got '" + value + "'");
    }

    private static List<Integer> divisors(int n) {
        List<Integer> d = new java.util.ArrayList<>();
        for (int i = 1; i <= n; i++) {
            if (n % i == 0) {
                d.add(i);
            }
        }
        return d.size() > 8 ? d.subList(d.size() - 8, d.size()) : d;
    }

    /** Without an entropy bonus. */
    public GrpoConfig(int numGenerations, int promptsPerStep, int minibatchSize, int microBatchSize, int numIterations,
            String scaleRewards, String advantage, double epsilon, double epsilonHigh, String lossType, String importanceLevel,
            double beta, String klEstimator, boolean maskTruncatedCompletions, boolean dynamicSampling, int maxDynamicRounds) {
        this(numGenerations, promptsPerStep, minibatchSize, microBatchSize, numIterations, scaleRewards, advantage, epsilon,
                epsilonHigh, lossType, importanceLevel, beta, klEstimator, maskTruncatedCompletions, dynamicSampling,
                maxDynamicRounds, 0.0, null, 0.0);
    }

    /** With an entropy bonus over every completion token. */
    public GrpoConfig(int numGenerations, int promptsPerStep, int minibatchSize, int microBatchSize, int numIterations,
            String scaleRewards, String advantage, double epsilon, double epsilonHigh, String lossType, String importanceLevel,
            double beta, String klEstimator, boolean maskTruncatedCompletions, boolean dynamicSampling, int maxDynamicRounds,
            double entropyCoef) {
        this(numGenerations, promptsPerStep, minibatchSize, microBatchSize, numIterations, scaleRewards, advantage, epsilon,
                epsilonHigh, lossType, importanceLevel, beta, klEstimator, maskTruncatedCompletions, dynamicSampling,
                maxDynamicRounds, entropyCoef, null, 0.0);
    }

    /** TRL-like defaults: G = 8, symmetric ε = 0.2, token-level, β = 0, μ = 1. */
    public static GrpoConfig defaults() {
        return new GrpoConfig(8, 8, 64, 16, 1, "group", "grpo", 0.2, 0.2, "grpo", "token", 0.0, "k3", false, false, 3, 0.0, null, 0.0);
    }
}
