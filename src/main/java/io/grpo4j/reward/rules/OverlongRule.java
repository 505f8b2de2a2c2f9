package io.grpo4j.reward.rules;

import io.grpo4j.reward.RewardInput;
import io.grpo4j.reward.RewardRule;
import io.grpo4j.reward.RuleParams;
import io.grpo4j.reward.RuleScore;

/**
 * {@code overlong}: DAPO's soft overlong penalty on the completion length L in tokens, with
 * {@code max_tokens} = L_max and {@code buffer} = L_buf (both required):
 * 0 if L ≤ L_max − L_buf; ((L_max − L_buf) − L) / L_buf if L_max − L_buf &lt; L ≤ L_max; −1 beyond.
 * Always in [−1, 0]; add it with a positive weight. NaN when the token count is unknown.
 */
public final class OverlongRule implements RewardRule {
    private final String name;
    private final int maxTokens;
    private final int buffer;

    public OverlongRule(String name, RuleParams p) {
        this.name = name;
        this.maxTokens = p.requiredInteger("max_tokens");
        this.buffer = p.requiredInteger("buffer");
        if (maxTokens <= 0 || buffer <= 0 || buffer > maxTokens) {
            throw p.error("need 0 < buffer <= max_tokens, got max_tokens=" + maxTokens + ", buffer=" + buffer);
        }
    }

    @Override
    public String name() {
        return name;
    }

    @Override
    public RuleScore score(RewardInput in) {
        int length = in.completionTokens();
        if (length < 0) {
            return RuleScore.notApplicable("completion_tokens unknown");
        }
        int safe = maxTokens - buffer;
        if (length <= safe) {
            return RuleScore.of(0.0);
        }
        if (length <= maxTokens) {
            return RuleScore.of((double) (safe - length) / buffer, "in the overlong buffer");
        }
        return RuleScore.of(-1.0, "longer than max_tokens");
    }
}
