package io.grpo4j.train;

import java.nio.file.Path;

/** How a run ended. */
public record RunSummary(Path runDirectory, int steps, boolean completed, String stopReason) {}
