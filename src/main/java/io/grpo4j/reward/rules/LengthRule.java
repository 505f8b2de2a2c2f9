package io.grpo4j.reward.rules;

import io.grpo4j.reward.RewardInput;
import io.grpo4j.reward.RewardRule;
import io.grpo4j.reward.RuleParams;
import io.grpo4j.reward.RuleScore;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * {@code length}: scores the completion length by ranges. {@code unit}: "tokens" (default),
 * "chars" or "words"; {@code ranges}: a list of {"min": a, "max": b, "score": s} (bounds
 * inclusive, either may be left out), the first that contains the length wins; {@code else}
 * (default 0.0) when none does. NaN for unit "tokens" when the token count is unknown.
 */
public final class LengthRule implements RewardRule {
    private record Range(double min, double max, double score) {}

    private final String name;
    private final String unit;
    private final List<Range> ranges;
    private final double otherwise;

    public LengthRule(String name, RuleParams p) {
        this.name = name;
        this.unit = p.string("unit", "tokens");
        if (!List.of("tokens", "chars", "words").contains(unit)) {
            throw p.error("unit must be \"tokens\", \"chars\" or \"words\", got \"" + unit + "\"");
        }
        List<Map<String, Object>> raw = p.objects("ranges");
        if (raw == null || raw.isEmpty()) {
            throw p.error("parameter 'ranges' is required: a list of {\"min\": a, \"max\": b, \"score\": s}");
        }
        List<Range> r = new ArrayList<>();
        for (int i = 0; i < raw.size(); i++) {
            Map<String, Object> m = raw.get(i);
            for (String key : m.keySet()) {
                if (!List.of("min", "max", "score").contains(key)) {
                    throw p.error("ranges[" + i + "]: unknown key '" + key + "'; a range has min, max, score");
                }
            }
            if (!(m.get("score") instanceof Number score)) {
                throw p.error("ranges[" + i + "]: \"score\" (a number) is required");
            }
            r.add(new Range(bound(p, m, i, "min", Double.NEGATIVE_INFINITY), bound(p, m, i, "max", Double.POSITIVE_INFINITY),
                    score.doubleValue()));
        }
        this.ranges = List.copyOf(r);
        this.otherwise = p.number("else", 0.0);
    }

    private static double bound(RuleParams p, Map<String, Object> m, int i, String key, double missing) {
        Object v = m.get(key);
        if (v == null) {
            return missing;
        }
        if (!(v instanceof Number n)) {
            throw p.error("ranges[" + i + "]: \"" + key + "\" must be a number, got " + v);
        }
        return n.doubleValue();
    }

    @Override
    public String name() {
        return name;
    }

    @Override
    public RuleScore score(RewardInput in) {
        int length = switch (unit) {
            case "chars" -> in.completion().length();
            case "words" -> countWords(in.completion());
            default -> in.completionTokens();
        };
        if (length < 0) {
            return RuleScore.notApplicable("completion_tokens unknown");
        }
        for (Range r : ranges) {
            if (length >= r.min() && length <= r.max()) {
                return RuleScore.of(r.score());
            }
        }
        return RuleScore.of(otherwise);
    }

    private static int countWords(String s) {
        int words = 0;
        boolean inWord = false;
        for (int i = 0; i < s.length(); i++) {
            boolean space = Character.isWhitespace(s.charAt(i));
            if (!space && !inWord) {
                words++;
            }
            inWord = !space;
        }
        return words;
    }
}
