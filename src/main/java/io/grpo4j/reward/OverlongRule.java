package io.grpo4j.reward;

/**
 * DAPO's soft overlong penalty on the completion length L in tokens: 0 up to L_max − L_buf, then
 * falling linearly to −1 at L_max, −1 beyond.
 */
final class OverlongRule extends NamedRule {
    private final int maxTokens;
    private final int buffer;

    OverlongRule(String name, int maxTokens, int buffer) {
        super(name);
        if (buffer <= 0 || buffer > maxTokens) {
            throw new IllegalArgumentException("overlong: need 0 < buffer <= max_tokens, got buffer " + buffer + ", max_tokens " + maxTokens);
        }
        this.maxTokens = maxTokens;
        this.buffer = buffer;
    }

    @Override
    public RuleScore score(RewardInput in) {
        int l = in.completionTokens();
        int soft = maxTokens - buffer;
        if (l <= soft) {
            return RuleScore.of(0);
        }
        if (l <= maxTokens) {
            return RuleScore.of((double) (soft - l) / buffer);
        }
        return RuleScore.of(-1, "longer than max_tokens");
    }
}
