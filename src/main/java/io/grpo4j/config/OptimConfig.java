package io.grpo4j.config;

import com.fasterxml.jackson.annotation.JsonProperty;
import java.util.List;

/**
 * AdamW, gradient clipping and the learning-rate schedule.
 *
 * @param lr peak learning rate
 * @param weightDecay decoupled weight decay (not applied to norms and biases)
 * @param maxGradNorm global L2 norm clip (0 = off)
 * @param warmupSteps linear warm-up from 0 to lr
 * @param schedule constant | cosine (cosine decays to min_lr_ratio × lr at the last step)
 * @param skipNonfiniteLimit stop the run after this many consecutive non-finite gradient norms
 */
public record OptimConfig(
        @JsonProperty("lr") double lr,
        @JsonProperty("weight_decay") double weightDecay,
        @JsonProperty("beta1") double beta1,
        @JsonProperty("beta2") double beta2,
        @JsonProperty("eps") double eps,
        @JsonProperty("max_grad_norm") double maxGradNorm,
        @JsonProperty("warmup_steps") int warmupSteps,
        @JsonProperty("schedule") String schedule,
        @JsonProperty("min_lr_ratio") double minLrRatio,
        @JsonProperty("skip_nonfinite_limit") int skipNonfiniteLimit) {

    public static final List<String> SCHEDULES = List.of("constant", "cosine");

    public OptimConfig {
        Checks.require(lr > 0, "optim.lr must be > 0, got " + lr);
        Checks.require(weightDecay >= 0, "optim.weight_decay must be >= 0");
        Checks.require(beta1 >= 0 && beta1 < 1 && beta2 >= 0 && beta2 < 1, "optim.beta1/beta2 must be in [0, 1)");
        Checks.require(eps > 0, "optim.eps must be > 0");
        Checks.require(maxGradNorm >= 0, "optim.max_grad_norm must be >= 0 (0 = off)");
        Checks.require(warmupSteps >= 0, "optim.warmup_steps must be >= 0");
        Checks.require(SCHEDULES.contains(schedule), "optim.schedule must be one of " + SCHEDULES + ", got '" + schedule + "'");
        Checks.require(minLrRatio >= 0 && minLrRatio <= 1, "optim.min_lr_ratio must be in [0, 1]");
        Checks.require(skipNonfiniteLimit >= 1, "optim.skip_nonfinite_limit must be >= 1");
    }

    public static OptimConfig defaults() {
        return new OptimConfig(1e-6, 0.0, 0.9, 0.99, 1e-8, 1.0, 0, "constant", 0.1, 3);
    }

    /** Learning rate at a step: linear warm-up, then constant or cosine to min_lr_ratio × lr at {@code totalSteps}. */
    public double lrAt(int step, int totalSteps) {
        if (warmupSteps > 0 && step < warmupSteps) {
            return lr * (step + 1) / warmupSteps;
        }
        if (schedule.equals("constant") || totalSteps <= warmupSteps) {
            return lr;
        }
        double progress = Math.min(1.0, (double) (step - warmupSteps) / Math.max(1, totalSteps - 1 - warmupSteps));
        double min = lr * minLrRatio;
        return min + (lr - min) * 0.5 * (1 + Math.cos(Math.PI * progress));
    }
}
