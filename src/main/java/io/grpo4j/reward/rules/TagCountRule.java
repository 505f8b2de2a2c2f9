package io.grpo4j.reward.rules;

import io.grpo4j.reward.RewardInput;
import io.grpo4j.reward.RewardRule;
import io.grpo4j.reward.RuleParams;
import io.grpo4j.reward.RuleScore;
import io.grpo4j.reward.math.AnswerExtractor;

/**
 * {@code tag_count}: 0.25 for each of "&lt;think&gt;", "&lt;/think&gt;", "&lt;answer&gt;",
 * "&lt;/answer&gt;" present exactly once (0 to 1; partial credit while the format is being learnt).
 * Parameter: {@code prefilled_think} (see {@link ThinkPrefill}; default "auto").
 */
public final class TagCountRule implements RewardRule {
    private static final String[] TAGS = {"<think>", "</think>", "<answer>", "</answer>"};

    private final String name;
    private final ThinkPrefill prefill;

    public TagCountRule(String name, RuleParams p) {
        this.name = name;
        this.prefill = ThinkPrefill.read(p);
    }

    @Override
    public String name() {
        return name;
    }

    @Override
    public RuleScore score(RewardInput in) {
        String s = prefill.text(in);
        double score = 0;
        for (String tag : TAGS) {
            if (AnswerExtractor.count(s, tag) == 1) {
                score += 0.25;
            }
        }
        return RuleScore.of(score);
    }
}
