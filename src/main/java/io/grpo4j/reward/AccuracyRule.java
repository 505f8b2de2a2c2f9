package io.grpo4j.reward;

/**
 * 1 when the completion's final answer equals the gold answer mathematically, else 0; NaN when
 * the row has no gold answer.
 */
final class AccuracyRule extends NamedRule {

    AccuracyRule(String name) {
        super(name);
    }

    @Override
    public RuleScore score(RewardInput in) {
        if (in.answer() == null || in.answer().isBlank()) {
            return RuleScore.notApplicable("no gold answer");
        }
        String predicted = MathAnswers.extract(in.completion());
        if (predicted == null) {
            return RuleScore.of(0, "no answer");
        }
        if (predicted.length() > MathAnswers.MAX_ANSWER_CHARS) {
            return RuleScore.of(0, "too large");
        }
        return MathAnswers.equivalent(predicted, in.answer()) ? RuleScore.of(1) : RuleScore.of(0, "wrong answer");
    }
}
