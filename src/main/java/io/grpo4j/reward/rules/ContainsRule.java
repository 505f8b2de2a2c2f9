package io.grpo4j.reward.rules;

import io.grpo4j.reward.RewardInput;
import io.grpo4j.reward.RewardRule;
import io.grpo4j.reward.RuleParams;
import io.grpo4j.reward.RuleScore;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * {@code contains} / {@code not_contains}: {@code score} (default 1.0) when the completion
 * contains the {@code text} (a string, or a list: any of them, or all with {@code mode: "all"}) —
 * for {@code not_contains}: when it contains none of them — else {@code else} (default 0.0).
 * {@code ignore_case} (default false).
 */
public final class ContainsRule implements RewardRule {
    private final String name;
    private final boolean negated;
    private final List<String> texts;
    private final boolean all;
    private final boolean ignoreCase;
    private final double score;
    private final double otherwise;

    public ContainsRule(String name, RuleParams p, boolean negated) {
        this.name = name;
        this.negated = negated;
        this.ignoreCase = p.bool("ignore_case", false);
        List<String> t = p.strings("text", null);
        if (t == null || t.isEmpty() || t.stream().anyMatch(String::isEmpty)) {
            throw p.error("parameter 'text' is required: a non-empty string or list of strings");
        }
        List<String> folded = new ArrayList<>();
        for (String s : t) {
            folded.add(ignoreCase ? s.toLowerCase(Locale.ROOT) : s);
        }
        this.texts = List.copyOf(folded);
        String mode = negated ? "any" : p.string("mode", "any");
        if (!mode.equals("any") && !mode.equals("all")) {
            throw p.error("mode must be \"any\" or \"all\", got \"" + mode + "\"");
        }
        this.all = mode.equals("all");
        this.score = p.number("score", 1.0);
        this.otherwise = p.number("else", 0.0);
    }

    @Override
    public String name() {
        return name;
    }

    @Override
    public RuleScore score(RewardInput in) {
        String s = ignoreCase ? in.completion().toLowerCase(Locale.ROOT) : in.completion();
        boolean hit = all ? texts.stream().allMatch(s::contains) : texts.stream().anyMatch(s::contains);
        return RuleScore.of(hit != negated ? score : otherwise);
    }
}
