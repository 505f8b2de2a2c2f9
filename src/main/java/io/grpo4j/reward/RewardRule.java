package io.grpo4j.reward;

/** A reward rule: text in, number out. Implementations must be thread-safe and never execute the completion. */
public interface RewardRule {
    String name();

    RuleScore score(RewardInput in);
}
