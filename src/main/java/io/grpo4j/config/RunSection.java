package io.grpo4j.config;

import com.fasterxml.jackson.annotation.JsonProperty;

/**
 * Run bookkeeping: where it writes, how long it goes, and how often it evaluates, logs and
 * checkpoints.
 *
 * @param name run directory name under {@code outputDir}
 * @param outputDir parent folder of run directories
 * @param seed the one seed every random stream of the run derives from
 * @param maxSteps optimizer steps to run (the run ends there)
 * @param evalEvery evaluate on the held-out set every N steps (0 = never; step 0 and the last step are always evaluated when N &gt; 0)
 * @param checkpointEvery write a checkpoint every N steps (0 = only at the end)
 * @param keepCheckpoints how many of the newest checkpoints to keep
 * @param logCompletionsEvery print a few sampled monologues to the console every N steps (0 = never)
 * @param rolloutsPerStep how many completions per step go to rollouts.jsonl (-1 = all)
 * @param timeLimitMinutes stop (with a checkpoint) after this many minutes of wall time (0 = no limit)
 */
public record RunSection(
        @JsonProperty("name") String name,
        @JsonProperty("output_dir") String outputDir,
        @JsonProperty("seed") long seed,
        @JsonProperty("max_steps") int maxSteps,
        @JsonProperty("eval_every") int evalEvery,
        @JsonProperty("checkpoint_every") int checkpointEvery,
        @JsonProperty("keep_checkpoints") int keepCheckpoints,
        @JsonProperty("log_completions_every") int logCompletionsEvery,
        @JsonProperty("rollouts_per_step") int rolloutsPerStep,
        @JsonProperty("time_limit_minutes") double timeLimitMinutes) {

    public RunSection {
        name = name == null ? "run" : name;
        outputDir = outputDir == null ? "runs" : outputDir;
        Checks.require(!name.isBlank() && !name.contains("/") && !name.contains(".."),
                "run.name must be a plain folder name, got '" + name + "'");
        Checks.require(maxSteps > 0, "run.max_steps must be > 0, got " + maxSteps);
        Checks.require(evalEvery >= 0, "run.eval_every must be >= 0 (0 = never), got " + evalEvery);
        Checks.require(checkpointEvery >= 0, "run.checkpoint_every must be >= 0 (0 = only at the end), got " + checkpointEvery);
        Checks.require(keepCheckpoints >= 1, "run.keep_checkpoints must be >= 1, got " + keepCheckpoints);
        Checks.require(logCompletionsEvery >= 0, "run.log_completions_every must be >= 0, got " + logCompletionsEvery);
        Checks.require(rolloutsPerStep >= -1, "run.rollouts_per_step must be -1 (all) or >= 0, got " + rolloutsPerStep);
        Checks.require(timeLimitMinutes >= 0, "run.time_limit_minutes must be >= 0, got " + timeLimitMinutes);
    }

    /** Defaults for every field; a config file only states what differs. */
    public static RunSection defaults() {
        return new RunSection("run", "runs", 1, 200, 25, 50, 2, 25, -1, 0);
    }
}
