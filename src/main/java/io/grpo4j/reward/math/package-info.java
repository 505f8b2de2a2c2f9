/**
 * Final-answer extraction and mathematical equivalence: LaTeX normalisation, a small expression
 * parser (our own; model output is never evaluated by a script engine), exact rational arithmetic
 * with Commons Math {@code BigFraction}, numeric comparison of closed forms and random-point
 * comparison of expressions with variables. Every loop checks the thread's {@link
 * io.grpo4j.reward.math.Budget}; sizes and nesting are capped ({@link io.grpo4j.reward.math.Limits}).
 */
package io.grpo4j.reward.math;
