package io.grpo4j.reward.rules;

import io.grpo4j.reward.RewardInput;
import io.grpo4j.reward.RuleParams;
import io.grpo4j.reward.RuleScore;
import io.grpo4j.reward.math.AnswerExtractor;
import io.grpo4j.reward.math.AnswerSource;
import io.grpo4j.reward.math.MathEquivalence;
import java.util.ArrayList;
import java.util.List;

/**
 * Is the completion's final answer equivalent to the gold answer? Shared by {@code accuracy} and
 * {@code cosine}. Parameters:
 * <ul>
 *   <li>{@code extract}: where to look, in order (default all: "answer_tag", "boxed", "answer_is",
 *       "last_number")
 *   <li>{@code allow_multiple_answers}: if false (default), a completion with more than one
 *       &lt;answer&gt; tag scores 0 ("multiple &lt;answer&gt; blocks"): hedging with several answers
 *       earns nothing
 * </ul>
 */
final class AnswerCheck {
    private final List<AnswerSource> sources;
    private final boolean allowMultiple;

    AnswerCheck(RuleParams p) {
        List<AnswerSource> s = new ArrayList<>();
        for (String key : p.strings("extract", List.of("answer_tag", "boxed", "answer_is", "last_number"))) {
            try {
                s.add(AnswerSource.fromKey(key));
            } catch (IllegalArgumentException e) {
                throw p.error("parameter 'extract': " + e.getMessage());
            }
        }
        if (s.isEmpty()) {
            throw p.error("parameter 'extract' must name at least one answer source");
        }
        this.sources = List.copyOf(s);
        this.allowMultiple = p.bool("allow_multiple_answers", false);
    }

    /** 1.0 (correct), 0.0 with a reason (no answer, wrong), or NaN when there is no gold answer. */
    RuleScore check(RewardInput in) {
        String gold = AnswerExtractor.gold(in.answer());
        if (gold == null) {
            return RuleScore.notApplicable("no gold answer");
        }
        String completion = in.completion();
        if (!allowMultiple && sources.contains(AnswerSource.ANSWER_TAG)
                && AnswerExtractor.count(completion, "<answer>") > 1) {
            return RuleScore.of(0.0, "multiple <answer> blocks");
        }
        AnswerExtractor.Extracted found = AnswerExtractor.extract(completion, sources);
        if (found == null) {
            return RuleScore.of(0.0, "no answer");
        }
        return MathEquivalence.equivalent(found.text(), gold) ? RuleScore.of(1.0) : RuleScore.of(0.0, "wrong answer");
    }
}
