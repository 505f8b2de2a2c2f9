package io.grpo4j.train;

import com.fasterxml.jackson.annotation.JsonProperty;

/**
 * Everything besides weights and optimizer moments that a resumed run needs to continue exactly:
 * the next step, the data cursor, and the non-finite-gradient counters. Random streams need no
 * state: every step's sampling seed is derived from (run seed, step).
 *
 * @param formatVersion bumped when the layout changes; a mismatch fails with a hint
 * @param step the next step to run
 * @param epoch data cursor: epoch of the next problem
 * @param position data cursor: position of the next problem within the epoch's order
 * @param consecutiveNonFinite updates skipped in a row for a non-finite gradient norm
 * @param skippedNonFinite updates skipped for a non-finite gradient norm in the whole run
 * @param optimizerStep AdamW's step count (its bias correction depends on it)
 * @param entropyCoef the entropy-bonus weight of the next step (adapted when grpo.entropy_target &gt; 0)
 */
public record TrainerState(
        @JsonProperty("format_version") int formatVersion,
        @JsonProperty("step") int step,
        @JsonProperty("epoch") int epoch,
        @JsonProperty("position") int position,
        @JsonProperty("consecutive_nonfinite") int consecutiveNonFinite,
        @JsonProperty("skipped_nonfinite") int skippedNonFinite,
        @JsonProperty("optimizer_step") long optimizerStep,
        @JsonProperty("entropy_coef") double entropyCoef) {
    public static final int FORMAT_VERSION = 2;
}
