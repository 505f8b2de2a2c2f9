/**
 * Problems and prompts: dataset adapters (GSM8K, MATH, AIME/AMC, Countdown, arithmetic, any
 * JSONL with a field mapping) that turn rows into {@link io.grpo4j.data.Problem}s, seeded
 * per-epoch iteration with a restorable cursor, the arithmetic and Countdown generators, and the
 * prompt templates. Pure Java: no DJL.
 */
package io.grpo4j.data;
