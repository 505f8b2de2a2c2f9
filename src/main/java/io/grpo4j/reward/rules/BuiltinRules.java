package io.grpo4j.reward.rules;

import io.grpo4j.reward.RewardRule;
import io.grpo4j.reward.RuleParams;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import java.util.function.BiFunction;

/**
 * The catalogue of built-in rule types, by the name used in rule files and comma lists.
 *
 * <table>
 *   <caption>Built-in rules (range; parameters)</caption>
 *   <tr><td>accuracy</td><td>0 or 1; extract, allow_multiple_answers</td></tr>
 *   <tr><td>format</td><td>0 or 1; prefilled_think, require_think_content</td></tr>
 *   <tr><td>tag_count</td><td>0 to 1 in steps of 0.25; prefilled_think</td></tr>
 *   <tr><td>format_progress</td><td>0 to 1, tags found in order; prefilled_think</td></tr>
 *   <tr><td>closeness</td><td>0 to 1, exp(−|error|/scale); scale</td></tr>
 *   <tr><td>digit_match</td><td>0 to 1, share of sign and digit positions that agree</td></tr>
 *   <tr><td>countdown</td><td>0, format_score (0.1) or score (1); numbers_field, target_field</td></tr>
 *   <tr><td>overlong</td><td>−1 to 0; max_tokens, buffer (required)</td></tr>
 *   <tr><td>repetition</td><td>max_penalty (−1) to 0; ngram_size</td></tr>
 *   <tr><td>cosine</td><td>−1 to 1; min/max_value_wrong/correct, max_len, length_unit</td></tr>
 *   <tr><td>regex</td><td>match / no_match; pattern, flags, full, prefilled_think</td></tr>
 *   <tr><td>contains, not_contains</td><td>score / else; text, mode, ignore_case</td></tr>
 *   <tr><td>length</td><td>per range; unit, ranges, else</td></tr>
 * </table>
 */
public final class BuiltinRules {
    private static final Map<String, BiFunction<String, RuleParams, RewardRule>> FACTORIES;

    static {
        Map<String, BiFunction<String, RuleParams, RewardRule>> m = new LinkedHashMap<>();
        m.put("accuracy", AccuracyRule::new);
        m.put("format", FormatRule::new);
        m.put("tag_count", TagCountRule::new);
        m.put("format_progress", FormatProgressRule::new);
        m.put("closeness", ClosenessRule::new);
        m.put("digit_match", DigitMatchRule::new);
        m.put("countdown", CountdownRule::new);
        m.put("overlong", OverlongRule::new);
        m.put("repetition", RepetitionRule::new);
        m.put("cosine", CosineRule::new);
        m.put("regex", RegexRule::new);
        m.put("contains", (name, p) -> new ContainsRule(name, p, false));
        m.put("not_contains", (name, p) -> new ContainsRule(name, p, true));
        m.put("length", LengthRule::new);
        FACTORIES = Collections.unmodifiableMap(m);
    }

    private BuiltinRules() {}

    /** The built-in type names, in catalogue order. */
    public static Set<String> types() {
        return FACTORIES.keySet();
    }

    public static boolean isBuiltin(String type) {
        return FACTORIES.containsKey(type);
    }

    /** Builds a built-in rule and rejects parameters it does not know. */
    public static RewardRule create(String type, String name, RuleParams params) {
        BiFunction<String, RuleParams, RewardRule> factory = FACTORIES.get(type);
        if (factory == null) {
            throw new IllegalArgumentException("'" + type + "' is not a built-in rule; built-ins are " + types());
        }
        RewardRule rule = factory.apply(name, params);
        params.requireAllUsed();
        return rule;
    }
}
