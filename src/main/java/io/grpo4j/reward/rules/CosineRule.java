package io.grpo4j.reward.rules;

import io.grpo4j.reward.RewardInput;
import io.grpo4j.reward.RewardRule;
import io.grpo4j.reward.RuleParams;
import io.grpo4j.reward.RuleScore;

/**
 * {@code cosine}: correctness scaled by length (open-r1). With progress p = min(1, L / max_len) and
 * c = cos(π·p): a correct answer scores {@code min_value_correct + ½(max_value_correct −
 * min_value_correct)(1 + c)} (1.0 when short, falling to 0.5 at max_len), a wrong one scores
 * {@code max_value_wrong + ½(min_value_wrong − max_value_wrong)(1 + c)} (−1.0 when short, rising
 * to −0.5 at max_len: thinking longer on a problem not yet solved is penalised less).
 * Parameters (defaults): min_value_wrong (−1), max_value_wrong (−0.5), min_value_correct (0.5),
 * max_value_correct (1), max_len (1000), length_unit ("tokens" or "chars"), and those of
 * {@link AnswerCheck}. Unlike open-r1, progress is capped at 1, so the curve does not turn back up
 * past max_len. NaN without a gold answer, or with unit "tokens" and an unknown token count.
 */
public final class CosineRule implements RewardRule {
    private final String name;
    private final AnswerCheck check;
    private final double minWrong;
    private final double maxWrong;
    private final double minCorrect;
    private final double maxCorrect;
    private final int maxLen;
    private final boolean chars;

    public CosineRule(String name, RuleParams p) {
        this.name = name;
        this.check = new AnswerCheck(p);
        this.minWrong = p.number("min_value_wrong", -1.0);
        this.maxWrong = p.number("max_value_wrong", -0.5);
        this.minCorrect = p.number("min_value_correct", 0.5);
        this.maxCorrect = p.number("max_value_correct", 1.0);
        this.maxLen = p.integer("max_len", 1000);
        String unit = p.string("length_unit", "tokens");
        if (!unit.equals("tokens") && !unit.equals("chars")) {
            throw p.error("length_unit must be \"tokens\" or \"chars\", got \"" + unit + "\"");
        }
        this.chars = unit.equals("chars");
        if (maxLen <= 0) {
            throw p.error("max_len must be > 0, got " + maxLen);
        }
    }

    @Override
    public String name() {
        return name;
    }

    @Override
    public RuleScore score(RewardInput in) {
        RuleScore correctness = check.check(in);
        if (correctness.isNaN()) {
            return correctness;
        }
        int length = chars ? in.completion().length() : in.completionTokens();
        if (length < 0) {
            return RuleScore.notApplicable("completion_tokens unknown");
        }
        double progress = Math.min(1.0, (double) length / maxLen);
        double cosine = Math.cos(progress * Math.PI);
        boolean correct = correctness.value() == 1.0;
        double lo = correct ? minCorrect : maxWrong;
        double hi = correct ? maxCorrect : minWrong;
        return RuleScore.of(lo + 0.5 * (hi - lo) * (1.0 + cosine), correctness.reason());
    }
}
