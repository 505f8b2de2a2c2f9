package io.grpo4j.reward.rules;

import io.grpo4j.reward.RewardInput;
import io.grpo4j.reward.RewardRule;
import io.grpo4j.reward.RuleParams;
import io.grpo4j.reward.RuleScore;

/**
 * {@code format_progress}: ordered partial credit for the R1 format, a shaping rule for models
 * that start from nothing: the share of "&lt;think&gt;", "&lt;/think&gt;", "&lt;answer&gt;",
 * "&lt;/answer&gt;" found in this order, each searched after the previous one (0 to 1). Unlike
 * {@code tag_count}, a shortcut such as "&lt;/think&gt;&lt;/answer&gt;" earns only the first
 * steps, so the reward always points toward the full format. Parameter: {@code prefilled_think}
 * (see {@link ThinkPrefill}).
 */
public final class FormatProgressRule implements RewardRule {
    private static final String[] TAGS = {"<think>", "</think>", "<answer>", "</answer>"};

    private final String name;
    private final ThinkPrefill prefill;

    public FormatProgressRule(String name, RuleParams p) {
        this.name = name;
        this.prefill = ThinkPrefill.read(p);
    }

    @Override
    public String name() {
        return name;
    }

    @Override
    public RuleScore score(RewardInput in) {
        String t = prefill.text(in);
        int from = 0;
        int matched = 0;
        for (String tag : TAGS) {
            int at = t.indexOf(tag, from);
            if (at < 0) {
                break;
            }
            matched++;
            from = at + tag.length();
        }
        return RuleScore.of((double) matched / TAGS.length);
    }
}
