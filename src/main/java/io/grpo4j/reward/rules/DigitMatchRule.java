package io.grpo4j.reward.rules;

import io.grpo4j.reward.RewardInput;
import io.grpo4j.reward.RewardRule;
import io.grpo4j.reward.RuleParams;
import io.grpo4j.reward.RuleScore;
import io.grpo4j.reward.math.AnswerExtractor;
import java.util.regex.Pattern;

/**
 * {@code digit_match}: per-position partial credit for integer answers, a shaping rule for a
 * model that learns arithmetic from nothing. The last number inside the last {@code <answer>}
 * tag (as {@code closeness} reads it) and the gold are read as a sign followed by digits,
 * aligned on the units digit; the score is the share of positions that agree, where a minus
 * sign on either side adds one position (agreeing when both are negative):
 * "24" against gold 24 scores 1, "25" 1/2, "-24" 2/3, "124" 2/3 (a missing digit counts
 * as wrong). Why: exact-answer reward is a needle in a haystack for a random model, and
 * {@code closeness} says how far off a guess is but not which digit to fix; here the units digit
 * earns credit on its own, so a group's samples differ in reward long before any is exactly right.
 * 0 without an {@code <answer>} tag or when its last number is not an integer; NaN when the gold
 * is not an integer. It belongs next to {@code accuracy}, never instead of it.
 * Parameter {@code number_only} (default false): score only an answer that is the number and
 * nothing else, so that text around a guess costs credit (see {@link AnswerNumber}).
 */
public final class DigitMatchRule implements RewardRule {
    private static final Pattern INTEGER = Pattern.compile("[-+]?[0-9]{1,40}");

    private final String name;
    private final boolean numberOnly;

    public DigitMatchRule(String name, RuleParams p) {
        this.name = name;
        this.numberOnly = p.bool("number_only", false);
    }

    @Override
    public String name() {
        return name;
    }

    @Override
    public RuleScore score(RewardInput in) {
        String gold = in.answer() == null ? null : AnswerExtractor.gold(in.answer());
        gold = gold == null ? null : gold.strip().replace(",", "");
        if (gold == null || !INTEGER.matcher(gold).matches()) {
            return RuleScore.notApplicable("gold answer is not an integer");
        }
        String answer = AnswerExtractor.answerTag(in.completion());
        if (answer == null) {
            return RuleScore.of(0, "no <answer>");
        }
        String number = AnswerNumber.read(answer, numberOnly);
        if (number == null) {
            return RuleScore.of(0, numberOnly ? AnswerNumber.NOT_ONLY_A_NUMBER : "no number in the answer");
        }
        number = number.strip().replace(",", "");
        if (!INTEGER.matcher(number).matches()) {
            return RuleScore.of(0, "answer is not an integer");
        }
        return RuleScore.of(similarity(number, gold));
    }

    /** Share of agreeing positions (sign, then digits from the units up) of two integer strings. */
    static double similarity(String a, String b) {
        boolean negA = a.startsWith("-");
        boolean negB = b.startsWith("-");
        String da = a.replaceFirst("^[-+]", "");
        String db = b.replaceFirst("^[-+]", "");
        int n = Math.max(da.length(), db.length());
        // No credit for a bare positive sign: a constant one-digit answer must not earn anything
        // for merely being a number (a run collapsed onto "1" when it did).
        int positions = n + (negA || negB ? 1 : 0);
        int agree = negA && negB ? 1 : 0;
        for (int i = 1; i <= n; i++) {
            int ia = da.length() - i;
            int ib = db.length() - i;
            if (ia >= 0 && ib >= 0 && da.charAt(ia) == db.charAt(ib)) {
                agree++;
            }
        }
        return agree / (double) positions;
    }
}
