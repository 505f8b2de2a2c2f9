package io.grpo4j.reward;

import org.apache.commons.math3.fraction.BigFraction;

/**
 * Dense partial credit for numeric answers, a shaping rule for models that start from nothing:
 * exp(−|predicted − gold| / scale) when the answer parses as a number, 0 when it does not. A
 * correct answer scores 1, an answer off by {@code scale} about 0.37. NaN when the gold answer is
 * not a number. It rewards being close, so it belongs next to {@code accuracy}, never instead of it.
 */
final class ClosenessRule implements RewardRule {
    private final String name;
    private final double scale;

    ClosenessRule(String name, double scale) {
        if (!(scale > 0)) {
            throw new IllegalArgumentException("closeness: scale must be > 0, got " + scale);
        }
        this.name = name;
        this.scale = scale;
    }

    @Override
    public String name() {
        return name;
    }

    @Override
    public RuleScore score(RewardInput in) {
        BigFraction gold = in.answer() == null ? null : MathAnswers.rational(MathAnswers.normalize(in.answer()));
        if (gold == null) {
            return RuleScore.notApplicable("gold answer is not a number");
        }
        String predicted = MathAnswers.extract(in.completion());
        if (predicted == null || Tags.lastAnswer(in.completion()) == null) {
            return RuleScore.of(0, "no <answer>");
        }
        BigFraction p = MathAnswers.rational(MathAnswers.normalize(predicted));
        if (p == null) {
            return RuleScore.of(0, "answer is not a number");
        }
        double distance = Math.abs(p.subtract(gold).doubleValue());
        return RuleScore.of(Math.exp(-distance / scale));
    }
}
