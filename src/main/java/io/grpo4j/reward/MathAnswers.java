package io.grpo4j.reward;

import io.grpo4j.data.Boxed;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.apache.commons.math3.fraction.BigFraction;

/**
 * Final-answer extraction and mathematical equivalence for numbers: integers, decimals,
 * fractions ({@code a/b}, {@code \frac{a}{b}}), signs, thousands separators, percentages, units
 * in {@code \text{}}, {@code $…$}, degrees and {@code x =} prefixes compare exactly as rationals
 * (Commons Math {@link BigFraction}); anything else compares as normalised text.
 */
public final class MathAnswers {
    /** Longest answer text considered; longer ones are "too large". */
    static final int MAX_ANSWER_CHARS = 1000;
    /** Longest digit string parsed as a number (guards BigInteger against 1 MB numbers). */
    static final int MAX_DIGITS = 200;

    private static final Pattern ANSWER_IS = Pattern.compile("(?i)the (?:final )?answer is[:\\s]*([^\\n]+)");
    private static final Pattern HASHES = Pattern.compile("####\\s*([^\\n]+)");
    private static final Pattern NUMBER = Pattern.compile("-?\\d[\\d,]*(?:\\.\\d+)?|-?\\.\\d+");
    private static final Pattern FRAC = Pattern.compile("^(-?)\\\\frac\\{(-?[\\d.]+)\\}\\{(-?[\\d.]+)\\}$");
    private static final Pattern THOUSANDS = Pattern.compile("^-?\\d{1,3}(,\\d{3})+(\\.\\d+)?$");

    private MathAnswers() {}

    /** The final answer of a completion, or null when it gives none. */
    public static String extract(String completion) {
        String a = Tags.lastAnswer(completion);
        if (a != null) {
            return a.trim();
        }
        String boxed = Boxed.last(completion);
        if (boxed != null) {
            return boxed.trim();
        }
        Matcher m = ANSWER_IS.matcher(completion);
        String last = null;
        while (m.find()) {
            last = m.group(1);
        }
        if (last == null) {
            Matcher h = HASHES.matcher(completion);
            while (h.find()) {
                last = h.group(1);
            }
        }
        if (last != null) {
            return last.trim().replaceAll("\\.$", "");
        }
        Matcher n = NUMBER.matcher(completion);
        String num = null;
        while (n.find()) {
            num = n.group();
        }
        return num;
    }

    /** Whether two answers are mathematically equal (exact for rationals; normalised text otherwise). */
    public static boolean equivalent(String predicted, String gold) {
        String p = normalize(predicted);
        String g = normalize(gold);
        BigFraction pv = rational(p);
        BigFraction gv = rational(g);
        if (pv != null && gv != null) {
            return pv.equals(gv);
        }
        return p.equals(g);
    }

    /** Strips notation that does not change the value. */
    static String normalize(String s) {
        String t = s.trim();
        t = t.replaceAll("^\\$+|\\$+$", "");
        t = t.replace("\\!", "").replace("\\,", "").replace("\\;", "").replace("\\ ", "");
        t = t.replace("\\left", "").replace("\\right", "").replace("\\dfrac", "\\frac").replace("\\tfrac", "\\frac");
        t = t.replaceAll("\\\\text\\{\\s*([^}]*)\\}", "$1");
        t = t.replaceAll("\\\\mbox\\{\\s*([^}]*)\\}", "$1");
        t = t.replace("^\\circ", "").replace("^{\\circ}", "").replace("°", "");
        t = t.replace("\\%", "").replace("%", "");
        t = t.replaceAll("^[a-zA-Z]\\s*=\\s*", ""); // "x = 5"
        t = t.replaceAll("\\s+", " ").trim();
        t = t.replaceAll("\\.$", "");
        // a trailing unit word after a number: "18 dollars", "5 cm"
        t = t.replaceAll("^(-?[\\d.,]+)\\s*[a-zA-Z]+(\\^?\\d)?$", "$1");
        t = t.replaceAll("^\\\\\\$\\s*", "");
        if (THOUSANDS.matcher(t).matches()) {
            t = t.replace(",", "");
        }
        return t.replace(" ", "");
    }

    /** The exact value of an integer, decimal or fraction, or null. */
    static BigFraction rational(String t) {
        if (t.length() > MAX_DIGITS + 10) {
            return null;
        }
        try {
            Matcher f = FRAC.matcher(t);
            if (f.matches()) {
                BigFraction v = decimal(f.group(2)).divide(decimal(f.group(3)));
                return f.group(1).isEmpty() ? v : v.negate();
            }
            int slash = t.indexOf('/');
            if (slash > 0 && t.indexOf('/', slash + 1) < 0) {
                return decimal(t.substring(0, slash)).divide(decimal(t.substring(slash + 1)));
            }
            return decimal(t);
        } catch (NumberFormatException | ArithmeticException e) {
            return null;
        }
    }

    private static BigFraction decimal(String s) {
        BigDecimal d = new BigDecimal(s.trim());
        BigInteger unscaled = d.unscaledValue();
        return d.scale() >= 0
                ? new BigFraction(unscaled, BigInteger.TEN.pow(d.scale()))
                : new BigFraction(unscaled.multiply(BigInteger.TEN.pow(-d.scale())));
    }
}
