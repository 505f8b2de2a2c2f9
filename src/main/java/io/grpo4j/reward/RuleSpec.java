package io.grpo4j.reward;

import java.util.List;

/**
 * One rule entry of a rule set, before the rule is built.
 *
 * @param type the rule type ("accuracy", "regex", "java", "command", or a plugin rule's name)
 * @param name the name in results (unique within a set; defaults to the type)
 * @param weight the weight in the total
 * @param timeoutMs the time bound: per evaluation for in-process rules, per batch for commands; null = default
 * @param params the remaining keys of the entry
 */
public record RuleSpec(String type, String name, double weight, Long timeoutMs, RuleParams params) {
    /** Keys every entry may have, besides the rule's own parameters. */
    public static final List<String> COMMON_KEYS = List.of("type", "name", "weight", "comment", "timeout_ms");
}
