package io.grpo4j.reward;

import java.util.regex.Pattern;

/**
 * The R1 format: {@code <think>…</think>} then {@code <answer>…</answer>} and nothing after
 * (whitespace aside), each tag exactly once. With {@code prefilledThink} the prompt already ends
 * with {@code <think>}, so the completion must not open it again. Scores 1 or 0.
 */
final class FormatRule extends NamedRule {
    private static final Pattern FULL = Pattern.compile("\\s*<think>(.*?)</think>\\s*<answer>(.*?)</answer>\\s*", Pattern.DOTALL);
    private static final Pattern PREFILLED = Pattern.compile("(.*?)</think>\\s*<answer>(.*?)</answer>\\s*", Pattern.DOTALL);
    private final boolean prefilledThink;
    private final boolean requireThink;

    FormatRule(String name, boolean prefilledThink, boolean requireThink) {
        super(name);
        this.prefilledThink = prefilledThink;
        this.requireThink = requireThink;
    }

    @Override
    public RuleScore score(RewardInput in) {
        String t = in.completion();
        int opens = Tags.count(t, "<think>");
        if (opens != (prefilledThink ? 0 : 1) || Tags.count(t, "</think>") != 1
                || Tags.count(t, "<answer>") != 1 || Tags.count(t, "</answer>") != 1) {
            return RuleScore.of(0, "tags missing or repeated");
        }
        var m = (prefilledThink ? PREFILLED : FULL).matcher(t);
        if (!m.matches()) {
            return RuleScore.of(0, "tags out of order or text after </answer>");
        }
        if (requireThink && m.group(1).isBlank()) {
            return RuleScore.of(0, "empty think part");
        }
        if (m.group(2).isBlank()) {
            return RuleScore.of(0, "empty answer");
        }
        return RuleScore.of(1);
    }
}
