/**
 * Reward rules computed by an external command in any language: a long-lived process that reads
 * one JSON request per line on standard input and writes one JSON score per line on standard
 * output (protocol in {@link io.grpo4j.reward.command.CommandRule}). Batched, bounded in time,
 * restarted when it dies; failures become NaN with a reason and are counted.
 */
package io.grpo4j.reward.command;
