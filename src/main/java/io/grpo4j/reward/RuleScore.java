package io.grpo4j.reward;

/**
 * One rule's verdict on one completion.
 *
 * @param value the score, or NaN for "not applicable" (left out of the rule's mean and of the total)
 * @param reason a short explanation ("no &lt;answer&gt; tag", "timeout", "too large"), or null
 */
public record RuleScore(double value, String reason) {

    /** A plain score without a reason. */
    public static RuleScore of(double value) {
        return new RuleScore(value, null);
    }

    /** A score with a reason. */
    public static RuleScore of(double value, String reason) {
        return new RuleScore(value, reason);
    }

    /** "Not applicable", with the reason why. */
    public static RuleScore notApplicable(String reason) {
        return new RuleScore(Double.NaN, reason);
    }

    public boolean isNaN() {
        return Double.isNaN(value);
    }
}
