/** The one visible training loop, the run directory, checkpoints and resume, metrics. */
package io.grpo4j.train;
