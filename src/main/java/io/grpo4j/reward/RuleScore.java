package io.grpo4j.reward;

/**
 * A rule's verdict: a score, or NaN for "not applicable" (left out of the rule's mean and of
 * the total), with an optional short reason.
 */
public record RuleScore(double value, String reason) {
    public static RuleScore of(double value) {
        return new RuleScore(value, null);
    }

    public static RuleScore of(double value, String reason) {
        return new RuleScore(value, reason);
    }

    public static RuleScore notApplicable(String reason) {
        return new RuleScore(Double.NaN, reason);
    }
}
