package io.grpo4j.reward.math;

import java.math.BigInteger;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.TreeSet;
import org.apache.commons.math3.fraction.BigFraction;

/**
 * Decides whether a predicted final answer means the same as a gold answer.
 *
 * <ol>
 *   <li>Both are normalised ({@link LatexNormalizer}); equal text (spaces ignored) is equivalent.
 *   <li>Their shapes must agree ({@link Structure}): tuples and intervals element by element with
 *       the same brackets, sets and bare lists in any order, equations side by side, matrices
 *       entry by entry.
 *   <li>Scalars are parsed ({@link ExprParser}): rationals are compared exactly ("0.5" = "\frac12",
 *       "025" = "25"); closed forms numerically with relative tolerance {@value #TOLERANCE}
 *       ("\frac{\sqrt3}{2}" = "0.86602540"); expressions with variables at {@value #POINTS}
 *       seeded random points ("2(x+1)" = "2x+2").
 *   <li>What does not parse is compared as text, case-insensitively.
 * </ol>
 *
 * Bounded: answers longer than {@link Limits#MAX_ANSWER_CHARS}, numbers with more than {@link
 * Limits#MAX_DIGITS} digits, nesting past {@link Limits#MAX_DEPTH} and exact results past {@link
 * Limits#MAX_EXACT_BITS} throw {@link LimitExceeded#tooLarge()}; every loop checks the {@link Budget}.
 */
public final class MathEquivalence {
    /** Relative tolerance for numeric comparison (closed forms, random points). */
    public static final double TOLERANCE = 1e-6;

    /** Random points tried for expressions with variables. */
    public static final int POINTS = 8;

    /** Fewest random points where both sides must be defined before they can be called equal. */
    private static final int MIN_DEFINED_POINTS = 3;

    /** Most elements in a tuple/set/list we compare (pairwise matching is quadratic). */
    private static final int MAX_ELEMENTS = 256;

    private MathEquivalence() {}

    /** The verdict and how it was reached ("same text", "exact", "numeric", "random points", "text"). */
    public record Verdict(boolean equivalent, String how) {}

    /** True when {@code predicted} and {@code gold} are mathematically equivalent. */
    public static boolean equivalent(String predicted, String gold) {
        return compare(predicted, gold).equivalent();
    }

    /** Compares two final answers (already extracted); see the class comment. */
    public static Verdict compare(String predicted, String gold) {
        if (predicted.length() > Limits.MAX_ANSWER_CHARS || gold.length() > Limits.MAX_ANSWER_CHARS) {
            throw LimitExceeded.tooLarge();
        }
        String a = LatexNormalizer.normalize(predicted);
        String b = LatexNormalizer.normalize(gold);
        if (a.isEmpty() || b.isEmpty()) {
            return new Verdict(false, "empty");
        }
        String ca = LatexNormalizer.compact(a);
        String cb = LatexNormalizer.compact(b);
        if (ca.equals(cb)) {
            return new Verdict(true, "same text");
        }
        if (LatexNormalizer.isPlainInteger(ca) && LatexNormalizer.isPlainInteger(cb)) {
            return new Verdict(new BigInteger(ca).equals(new BigInteger(cb)), "integer");
        }
        String[] how = {"text"};
        boolean eq = values(a, b, 0, how);
        return new Verdict(eq, how[0]);
    }

    /** Compares two answers of any shape; {@code how[0]} records the last method used. */
    private static boolean values(String a, String b, int depth, String[] how) {
        if (depth > Limits.MAX_DEPTH) {
            throw LimitExceeded.tooLarge();
        }
        Budget.check();
        if (LatexNormalizer.compact(a).equals(LatexNormalizer.compact(b))) {
            how[0] = "same text";
            return true;
        }
        Structure sa = Structure.of(a);
        Structure sb = Structure.of(b);
        if (sa.parts().size() > MAX_ELEMENTS || sb.parts().size() > MAX_ELEMENTS) {
            throw LimitExceeded.tooLarge();
        }
        boolean unorderedA = sa.kind() == Structure.Kind.LIST || sa.isSet();
        boolean unorderedB = sb.kind() == Structure.Kind.LIST || sb.isSet();
        if (unorderedA && unorderedB) {
            return sameElementsAnyOrder(sa.parts(), sb.parts(), depth, how);
        }
        if (sa.kind() != sb.kind()) {
            how[0] = "shape";
            return false;
        }
        switch (sa.kind()) {
            case BRACKETED:
                if (!sa.open().equals(sb.open()) || !sa.close().equals(sb.close())) {
                    how[0] = "brackets";
                    return false;
                }
                return sameElementsInOrder(sa.parts(), sb.parts(), depth, how);
            case UNION:
                return sameElementsAnyOrder(sa.parts(), sb.parts(), depth, how);
            case EQUATION:
                return sameElementsInOrder(sa.parts(), sb.parts(), depth, how)
                        || sameElementsInOrder(sa.parts(), List.of(sb.parts().get(1), sb.parts().get(0)), depth, how);
            case MATRIX:
                if (sa.parts().size() != sb.parts().size()) {
                    how[0] = "matrix size";
                    return false;
                }
                for (int i = 0; i < sa.parts().size(); i++) {
                    List<String> rowA = Structure.splitTopLevel(sa.parts().get(i), "&");
                    List<String> rowB = Structure.splitTopLevel(sb.parts().get(i), "&");
                    if (!sameElementsInOrder(rowA, rowB, depth, how)) {
                        return false;
                    }
                }
                return true;
            default:
                return scalars(sa.parts().get(0), sb.parts().get(0), how);
        }
    }

    private static boolean sameElementsInOrder(List<String> a, List<String> b, int depth, String[] how) {
        if (a.size() != b.size()) {
            how[0] = "element count";
            return false;
        }
        for (int i = 0; i < a.size(); i++) {
            if (!values(a.get(i), b.get(i), depth + 1, how)) {
                return false;
            }
        }
        return true;
    }

    private static boolean sameElementsAnyOrder(List<String> a, List<String> b, int depth, String[] how) {
        if (a.size() != b.size()) {
            how[0] = "element count";
            return false;
        }
        boolean[] used = new boolean[b.size()];
        for (String x : a) {
            boolean matched = false;
            for (int j = 0; j < b.size() && !matched; j++) {
                if (!used[j] && values(x, b.get(j), depth + 1, how)) {
                    used[j] = true;
                    matched = true;
                }
            }
            if (!matched) {
                return false;
            }
        }
        return true;
    }

    private static boolean scalars(String a, String b, String[] how) {
        Expr ea;
        Expr eb;
        try {
            ea = ExprParser.parse(a);
            eb = ExprParser.parse(b);
        } catch (NotParseable e) {
            how[0] = "text";
            return textKey(a).equals(textKey(b));
        }
        BigFraction xa = ExprEvaluator.exact(ea);
        BigFraction xb = xa == null ? null : ExprEvaluator.exact(eb);
        if (xa != null && xb != null) {
            how[0] = "exact";
            return xa.equals(xb);
        }
        TreeSet<String> vars = new TreeSet<>();
        ExprEvaluator.collectVariables(ea, vars);
        ExprEvaluator.collectVariables(eb, vars);
        if (vars.isEmpty()) {
            how[0] = "numeric";
            return close(ExprEvaluator.numeric(ea, Map.of()), ExprEvaluator.numeric(eb, Map.of()));
        }
        how[0] = "random points";
        return samePointwise(ea, eb, new ArrayList<>(vars));
    }

    /** Evaluates both sides at seeded random points in [0.5, 3.5) (positive, so roots and logs are defined). */
    private static boolean samePointwise(Expr ea, Expr eb, List<String> vars) {
        SplittableRandom random = new SplittableRandom(0x5eed);
        int defined = 0;
        Map<String, Double> point = new HashMap<>();
        for (int trial = 0; trial < POINTS; trial++) {
            for (String v : vars) {
                point.put(v, 0.5 + 3 * random.nextDouble());
            }
            double x = ExprEvaluator.numeric(ea, point);
            double y = ExprEvaluator.numeric(eb, point);
            if (Double.isNaN(x) && Double.isNaN(y)) {
                continue;
            }
            if (!close(x, y)) {
                return false;
            }
            defined++;
        }
        return defined >= MIN_DEFINED_POINTS;
    }

    static boolean close(double x, double y) {
        if (Double.isNaN(x) || Double.isNaN(y)) {
            return false;
        }
        if (Double.isInfinite(x) || Double.isInfinite(y)) {
            return x == y;
        }
        return Math.abs(x - y) <= TOLERANCE * Math.max(1.0, Math.max(Math.abs(x), Math.abs(y)));
    }

    /** Text answers: case-insensitive, one pair of outer parentheses ignored ("(C)" = "c"). */
    private static String textKey(String s) {
        String c = LatexNormalizer.compact(s).toLowerCase(Locale.ROOT);
        if (c.length() >= 2 && c.startsWith("(") && c.endsWith(")")) {
            c = c.substring(1, c.length() - 1);
        }
        return c;
    }
}
