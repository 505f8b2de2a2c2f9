package io.grpo4j.reward.rules;

import io.grpo4j.reward.RewardInput;
import io.grpo4j.reward.RewardRule;
import io.grpo4j.reward.RuleParams;
import io.grpo4j.reward.RuleScore;
import io.grpo4j.reward.math.AnswerExtractor;
import java.math.BigDecimal;

/**
 * {@code closeness}: dense partial credit for numeric answers, a shaping rule for models that
 * start from nothing: exp(−|predicted − gold| / scale) for the last number inside the last
 * {@code <answer>} tag (1 when exact, about 0.37 when off by {@code scale}); 0 when the answer
 * holds no number; NaN when the gold answer is not a number. It rewards being close, so it
 * belongs next to {@code accuracy}, never instead of it. Parameters: {@code scale} (default 10);
 * {@code number_only} (default false): score only an answer that is the number and nothing else.
 */
public final class ClosenessRule implements RewardRule {
    /** Numbers longer than this are not parsed (bounded work on hostile text). */
    private static final int MAX_CHARS = 40;

    private final String name;
    private final double scale;
    private final boolean numberOnly;

    public ClosenessRule(String name, RuleParams p) {
        this.name = name;
        this.scale = p.number("scale", 10);
        this.numberOnly = p.bool("number_only", false);
        if (!(scale > 0)) {
            throw p.error("scale must be > 0, got " + scale);
        }
    }

    @Override
    public String name() {
        return name;
    }

    @Override
    public RuleScore score(RewardInput in) {
        Double gold = in.answer() == null ? null : number(AnswerExtractor.gold(in.answer()));
        if (gold == null) {
            return RuleScore.notApplicable("gold answer is not a number");
        }
        String answer = AnswerExtractor.answerTag(in.completion());
        if (answer == null) {
            return RuleScore.of(0, "no <answer>");
        }
        Double predicted = number(AnswerNumber.read(answer, numberOnly));
        if (predicted == null) {
            return RuleScore.of(0, numberOnly ? AnswerNumber.NOT_ONLY_A_NUMBER : "no number in the answer");
        }
        return RuleScore.of(Math.exp(-Math.abs(predicted - gold) / scale));
    }

    /** A plain number ("1,600", "-3.5", "3/4"), or null. */
    static Double number(String text) {
        if (text == null || text.length() > MAX_CHARS) {
            return null;
        }
        String t = text.strip().replace(",", "");
        try {
            int slash = t.indexOf('/');
            if (slash > 0) {
                return new BigDecimal(t.substring(0, slash)).doubleValue() / new BigDecimal(t.substring(slash + 1)).doubleValue();
            }
            return new BigDecimal(t).doubleValue();
        } catch (NumberFormatException | ArithmeticException e) {
            return null;
        }
    }
}
