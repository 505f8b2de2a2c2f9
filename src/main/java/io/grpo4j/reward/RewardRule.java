package io.grpo4j.reward;

/**
 * A reward rule: reads one completion (and its prompt, gold answer and dataset row) and returns a
 * score, or NaN for "not applicable".
 *
 * <p>Contract: {@link #score} must not execute the completion, must not keep state between calls
 * that changes later scores, and may be called from several threads. Built-in rules are bounded in
 * time and size by the {@link RuleSet}; a plugin rule that never returns is abandoned after its
 * timeout and scored NaN with reason "timeout".
 *
 * <p>Plugins: implement this interface in a class with a public no-argument constructor (for
 * {@link java.util.ServiceLoader}, listed in {@code META-INF/services/io.grpo4j.reward.RewardRule};
 * the rule is then known by its {@link #name()}) or with a public constructor taking
 * {@code Map<String, Object>} parameters (for {@code {"type": "java", "class": "..."}} in a rule file).
 */
public interface RewardRule {
    /** The rule's name, used as its key in results and metrics ({@code rewards/<name>/mean}). */
    String name();

    /** Scores one completion; never null. */
    RuleScore score(RewardInput in);
}
