/**
 * The built-in reward rules. Each is a small class built from its rule-file parameters
 * ({@link io.grpo4j.reward.RuleParams}); the rule catalogue with every parameter, default and sign
 * is in {@link io.grpo4j.reward.rules.BuiltinRules}.
 */
package io.grpo4j.reward.rules;
