package io.grpo4j.reward;

import org.apache.commons.math3.fraction.BigFraction;

/**
 * Dense partial credit for numeric answers, a shaping rule for models that start from nothing:
 * exp(−|predicted − gold| / scale) for the last number inside the last {@code <answer>} tag, 0
 * when there is none. A
 * correct answer scores 1, an answer off by {@code scale} about 0.37. NaN when the gold answer is
 * not a number. It rewards being close, so it belongs next to {@code accuracy}, never instead of it.
 */
final class ClosenessRule extends NamedRule {
    private static final java.util.regex.Pattern NUMBER = java.util.regex.Pattern.compile("-?\\d{1,12}");
    private final double scale;

    ClosenessRule(String name, double scale) {
        super(name);
        if (!(scale > 0)) {
            throw new IllegalArgumentException("closeness: scale must be > 0, got " + scale);
        }
        this.scale = scale;
    }

    @Override
    public RuleScore score(RewardInput in) {
        BigFraction gold = in.answer() == null ? null : MathAnswers.rational(MathAnswers.normalize(in.answer()));
        if (gold == null) {
            return RuleScore.notApplicable("gold answer is not a number");
        }
        String answer = Tags.lastAnswer(in.completion());
        if (answer == null) {
            return RuleScore.of(0, "no <answer>");
        }
        java.util.regex.Matcher m = NUMBER.matcher(answer.length() > MathAnswers.MAX_ANSWER_CHARS ? "" : answer);
        String last = null;
        while (m.find()) {
            last = m.group();
        }
        BigFraction p = last == null ? null : MathAnswers.rational(last);
        if (p == null) {
            return RuleScore.of(0, "no number in the answer");
        }
        double distance = Math.abs(p.subtract(gold).doubleValue());
        return RuleScore.of(Math.exp(-distance / scale));
    }
}
