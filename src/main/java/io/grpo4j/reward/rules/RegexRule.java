package io.grpo4j.reward.rules;

import io.grpo4j.reward.RewardInput;
import io.grpo4j.reward.RewardRule;
import io.grpo4j.reward.RuleParams;
import io.grpo4j.reward.RuleScore;
import io.grpo4j.reward.math.BoundedText;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.regex.PatternSyntaxException;

/**
 * {@code regex}: {@code match} (default 1.0) when {@code pattern} is found in the completion (or
 * matches all of it with {@code full: true}), else {@code no_match} (default 0.0). {@code flags}:
 * any of "dotall", "ignore_case", "multiline". {@code prefilled_think} as for {@code format}
 * (default "auto": the pattern sees "&lt;think&gt;" + completion when the prompt pre-fills it).
 * Matching reads the text through {@link BoundedText}, so a pattern that backtracks
 * catastrophically on hostile text ends with "timeout" instead of hanging.
 */
public final class RegexRule implements RewardRule {
    private final String name;
    private final Pattern pattern;
    private final boolean full;
    private final double match;
    private final double noMatch;
    private final ThinkPrefill prefill;

    public RegexRule(String name, RuleParams p) {
        this.name = name;
        String source = p.requiredString("pattern");
        int flags = 0;
        for (String f : p.strings("flags", List.of())) {
            flags |= switch (f) {
                case "dotall" -> Pattern.DOTALL;
                case "ignore_case" -> Pattern.CASE_INSENSITIVE | Pattern.UNICODE_CASE;
                case "multiline" -> Pattern.MULTILINE;
                default -> throw p.error("unknown flag \"" + f + "\"; flags are \"dotall\", \"ignore_case\", \"multiline\"");
            };
        }
        try {
            this.pattern = Pattern.compile(source, flags);
        } catch (PatternSyntaxException e) {
            throw p.error("parameter 'pattern' is not a valid Java regular expression: " + e.getDescription()
                    + " near index " + e.getIndex());
        }
        this.full = p.bool("full", false);
        this.match = p.number("match", 1.0);
        this.noMatch = p.number("no_match", 0.0);
        this.prefill = ThinkPrefill.read(p);
    }

    @Override
    public String name() {
        return name;
    }

    @Override
    public RuleScore score(RewardInput in) {
        Matcher m = pattern.matcher(new BoundedText(prefill.text(in)));
        boolean found = full ? m.matches() : m.find();
        return RuleScore.of(found ? match : noMatch);
    }
}
