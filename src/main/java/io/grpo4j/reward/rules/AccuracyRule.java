package io.grpo4j.reward.rules;

import io.grpo4j.reward.RewardInput;
import io.grpo4j.reward.RewardRule;
import io.grpo4j.reward.RuleParams;
import io.grpo4j.reward.RuleScore;

/**
 * {@code accuracy}: 1.0 when the final answer is mathematically equivalent to the gold answer,
 * else 0.0; NaN when the row has no gold answer. See {@link AnswerCheck} for the parameters and
 * {@link io.grpo4j.reward.math.MathEquivalence} for what counts as equivalent.
 */
public final class AccuracyRule implements RewardRule {
    private final String name;
    private final AnswerCheck check;

    public AccuracyRule(String name, RuleParams p) {
        this.name = name;
        this.check = new AnswerCheck(p);
    }

    @Override
    public String name() {
        return name;
    }

    @Override
    public RuleScore score(RewardInput in) {
        return check.check(in);
    }
}
