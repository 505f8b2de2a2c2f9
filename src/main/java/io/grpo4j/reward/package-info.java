/**
 * Reward rules: text in, number out, per rule. A {@link io.grpo4j.reward.RuleSet} loads rules from a
 * rule file in {@code rewards/} (or a comma list of rule types), scores batches of completions with
 * every rule under time and size bounds, and combines the scores with weights.
 *
 * <p>Three ways to add a rule: a declarative entry in a rule file ({@code regex}, {@code contains},
 * {@code not_contains}, {@code length}), a Java class implementing {@link io.grpo4j.reward.RewardRule}
 * (named in a rule file or found by {@link java.util.ServiceLoader}, from the classpath or a jar in a
 * plugins folder), or an external command speaking JSON lines ({@code type: "command"}).
 *
 * <p>This package imports no DJL: rules are pure Java and model output is never executed.
 */
package io.grpo4j.reward;
