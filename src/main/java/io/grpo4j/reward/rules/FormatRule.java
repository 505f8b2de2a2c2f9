package io.grpo4j.reward.rules;

import io.grpo4j.reward.RewardInput;
import io.grpo4j.reward.RewardRule;
import io.grpo4j.reward.RuleParams;
import io.grpo4j.reward.RuleScore;
import io.grpo4j.reward.math.AnswerExtractor;

/**
 * {@code format}: 1.0 for the R1 format, else 0.0 with the first thing wrong. The format is
 * "&lt;think&gt;…&lt;/think&gt;", optional whitespace, "&lt;answer&gt;…&lt;/answer&gt;" and nothing after
 * (surrounding whitespace ignored), with exactly one of each of the four tags and a non-empty answer.
 * Parameters: {@code prefilled_think} (see {@link ThinkPrefill}; default "auto") and
 * {@code require_think_content} (default false: an empty think part is allowed).
 */
public final class FormatRule implements RewardRule {
    private static final String[] TAGS = {"<think>", "</think>", "<answer>", "</answer>"};

    private final String name;
    private final ThinkPrefill prefill;
    private final boolean requireThinkContent;

    public FormatRule(String name, RuleParams p) {
        this.name = name;
        this.prefill = ThinkPrefill.read(p);
        this.requireThinkContent = p.bool("require_think_content", false);
    }

    @Override
    public String name() {
        return name;
    }

    @Override
    public RuleScore score(RewardInput in) {
        String s = prefill.text(in).strip();
        for (String tag : TAGS) {
            int n = AnswerExtractor.count(s, tag);
            if (n != 1) {
                return RuleScore.of(0.0, n == 0 ? "no " + tag : n + " " + tag + " tags");
            }
        }
        if (!s.startsWith("<think>")) {
            return RuleScore.of(0.0, "text before <think>");
        }
        int thinkEnd = s.indexOf("</think>");
        int answerStart = s.indexOf("<answer>");
        int answerEnd = s.indexOf("</answer>");
        if (!(thinkEnd < answerStart && answerStart < answerEnd)) {
            return RuleScore.of(0.0, "tags out of order");
        }
        if (!s.substring(thinkEnd + "</think>".length(), answerStart).isBlank()) {
            return RuleScore.of(0.0, "text between </think> and <answer>");
        }
        if (!s.endsWith("</answer>")) {
            return RuleScore.of(0.0, "text after </answer>");
        }
        if (requireThinkContent && s.substring("<think>".length(), thinkEnd).isBlank()) {
            return RuleScore.of(0.0, "empty think");
        }
        if (s.substring(answerStart + "<answer>".length(), answerEnd).isBlank()) {
            return RuleScore.of(0.0, "empty answer");
        }
        return RuleScore.of(1.0);
    }
}
