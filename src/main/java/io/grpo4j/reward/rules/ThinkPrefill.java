package io.grpo4j.reward.rules;

import io.grpo4j.reward.RewardInput;
import io.grpo4j.reward.RuleParams;

/**
 * Option {@code prefilled_think}: when the prompt template already ends with "&lt;think&gt;", the
 * completion starts inside the thinking part and has no opening tag of its own. Format checks then
 * look at "&lt;think&gt;" + completion, so one rule file works with and without a pre-fill.
 * Values: {@code true}, {@code false}, or {@code "auto"} (default: pre-filled when the prompt,
 * trailing whitespace ignored, ends with "&lt;think&gt;").
 */
enum ThinkPrefill {
    AUTO, ALWAYS, NEVER;

    static final String PARAM = "prefilled_think";
    private static final String THINK = "<think>";

    static ThinkPrefill read(RuleParams p) {
        Object v = p.raw(PARAM);
        if (v == null) {
            return AUTO;
        }
        if (v instanceof Boolean b) {
            return b ? ALWAYS : NEVER;
        }
        if ("auto".equals(v)) {
            return AUTO;
        }
        throw p.error("parameter '" + PARAM + "' must be true, false or \"auto\", got " + v);
    }

    /** The completion as the format sees it: with "&lt;think&gt;" put back when the prompt holds it. */
    String text(RewardInput in) {
        boolean prefilled = switch (this) {
            case ALWAYS -> true;
            case NEVER -> false;
            case AUTO -> in.prompt().stripTrailing().endsWith(THINK);
        };
        return prefilled ? THINK + in.completion() : in.completion();
    }
}
