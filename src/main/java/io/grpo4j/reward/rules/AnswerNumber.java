package io.grpo4j.reward.rules;

import io.grpo4j.reward.math.AnswerExtractor;
import java.util.regex.Pattern;

/**
 * The number that the numeric shaping rules ({@code closeness}, {@code digit_match}) score in an
 * answer's text. By default it is the last number in it, so "x=12" counts as 12. With
 * {@code number_only} the answer must be one plain number and nothing else (surrounding
 * whitespace aside). Why the strict reading exists: a from-scratch policy that is scored on the
 * last number keeps filler text around its guess at no cost, and an entropy bonus then keeps
 * the filler random. A run's answers stayed junk such as "3& equation$process 36" for hundreds
 * of steps.
 */
final class AnswerNumber {
    static final String NOT_ONLY_A_NUMBER = "the answer is not a plain number";
    private static final Pattern PLAIN_NUMBER = Pattern.compile("[-+]?[0-9][0-9,]*(\\.[0-9]+)?(/[0-9]+)?");
    private static final int MAX_CHARS = 64;

    private AnswerNumber() {
    }

    /** The number to score in {@code answer}, or null when there is none (or, strictly, not only one). */
    static String read(String answer, boolean numberOnly) {
        if (!numberOnly) {
            return AnswerExtractor.lastNumber(answer);
        }
        String t = answer.strip();
        return t.length() <= MAX_CHARS && PLAIN_NUMBER.matcher(t).matches() ? t : null;
    }
}
