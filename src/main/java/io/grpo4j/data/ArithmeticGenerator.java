package io.grpo4j.data;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;

/**
 * Makes arithmetic problems like {@code 37+5}, {@code 12-39}, {@code 6*7}, {@code 84/7}: the
 * question is the bare expression, the answer its exact integer value (negative for a smaller
 * minuend; division only where it is exact). Each operand first draws its digit count from the
 * allowed ones, then a value with that many digits (1 digit: 0..9). Same options, same problems
 * and ids. Test problems are drawn first, all distinct; training problems are drawn after,
 * rejecting every test question, so no test question appears in training. Training questions may
 * repeat (the space of small problems is small).
 */
public final class ArithmeticGenerator {
    public static final List<String> OPERATORS = List.of("+", "-", "*", "/");
    public static final int MAX_DIGITS = 9;

    /**
     * @param ops operators to use, from {@link #OPERATORS}
     * @param digits allowed operand digit counts, 1..{@link #MAX_DIGITS}
     * @param count training problems
     * @param testCount test problems (0 for none)
     * @param seed random seed
     */
    public record Options(List<String> ops, List<Integer> digits, int count, int testCount, long seed) {
        public Options {
            ops = List.copyOf(ops);
            digits = List.copyOf(digits);
            if (ops.isEmpty() || !OPERATORS.containsAll(ops)) {
                throw new IllegalArgumentException("arithmetic operators " + ops + " are not valid: use some of "
                        + String.join(" ", OPERATORS) + " separated by commas, e.g. --ops +,-");
            }
            if (digits.isEmpty() || digits.stream().anyMatch(d -> d < 1 || d > MAX_DIGITS)) {
                throw new IllegalArgumentException("operand digits " + digits + " are not valid: use counts from 1 to "
                        + MAX_DIGITS + " separated by commas, e.g. --digits 1,2");
            }
            if (count < 0 || testCount < 0 || count + testCount == 0) {
                throw new IllegalArgumentException("ask for at least one problem (count " + count + ", test count " + testCount + ")");
            }
        }
    }

    private ArithmeticGenerator() {}

    public static GeneratedSets generate(Options o) {
        Random random = new Random(o.seed());
        Set<String> testQuestions = new HashSet<>();
        List<Problem> test = new ArrayList<>();
        long attempts = 0;
        while (test.size() < o.testCount()) {
            giveUpAfter(++attempts, o.testCount(), o, "distinct test problems; lower --test-count or widen --digits / --ops");
            Problem p = draw(random, o, "test", test.size());
            if (testQuestions.add(p.question())) {
                test.add(p);
            }
        }
        List<Problem> train = new ArrayList<>();
        attempts = 0;
        while (train.size() < o.count()) {
            giveUpAfter(++attempts, o.count(), o, "training problems outside the test split; lower --test-count or widen --digits / --ops");
            Problem p = draw(random, o, "train", train.size());
            if (!testQuestions.contains(p.question())) {
                train.add(p);
            }
        }
        return new GeneratedSets(train, test);
    }

    /**
     * {@code a op b} exactly, or null when {@code op} is not one of {@link #OPERATORS} or the
     * division is not exact.
     */
    public static Long apply(long a, String op, long b) {
        switch (op) {
            case "+":
                return Math.addExact(a, b);
            case "-":
                return Math.subtractExact(a, b);
            case "*":
                return Math.multiplyExact(a, b);
            case "/":
                return b != 0 && a % b == 0 ? a / b : null;
            default:
                return null;
        }
    }

    private static Problem draw(Random random, Options o, String split, int index) {
        String op = o.ops().get(random.nextInt(o.ops().size()));
        long a;
        long b;
        if (op.equals("/")) {
            // Draw divisor and quotient so the dividend has the wanted digits and divides exactly.
            // Some digit pairs admit no exact division (2-digit / 3-digit), so they are redrawn
            // too; equal counts always admit one (a = b), so this ends.
            while (true) {
                int digitsA = o.digits().get(random.nextInt(o.digits().size()));
                int digitsB = o.digits().get(random.nextInt(o.digits().size()));
                b = uniform(random, digitsB);
                if (b == 0) {
                    continue;
                }
                long quotientLow = ceilDiv(lowest(digitsA), b);
                long quotientHigh = highest(digitsA) / b;
                if (quotientLow <= quotientHigh) {
                    a = b * (quotientLow + (long) (random.nextDouble() * (quotientHigh - quotientLow + 1)));
                    break;
                }
            }
        } else {
            a = uniform(random, o.digits().get(random.nextInt(o.digits().size())));
            b = uniform(random, o.digits().get(random.nextInt(o.digits().size())));
        }
        Map<String, Object> columns = new LinkedHashMap<>();
        columns.put("id", String.format("arithmetic-%s-%05d", split, index));
        columns.put("question", a + op + b);
        columns.put("answer", apply(a, op, b));
        columns.put("a", a);
        columns.put("b", b);
        columns.put("op", op);
        return new Problem((String) columns.get("id"), "arithmetic/" + split, (String) columns.get("question"),
                columns.get("answer").toString(), columns);
    }

    /** A value with exactly {@code digits} digits (one digit: 0..9). */
    private static long uniform(Random random, int digits) {
        long low = lowest(digits);
        return low + random.nextInt((int) (highest(digits) - low + 1));
    }

    private static long lowest(int digits) {
        return digits == 1 ? 0 : pow10(digits - 1);
    }

    private static long highest(int digits) {
        return pow10(digits) - 1;
    }

    private static long pow10(int n) {
        long p = 1;
        for (int i = 0; i < n; i++) {
            p *= 10;
        }
        return p;
    }

    private static long ceilDiv(long x, long y) {
        return -Math.floorDiv(-x, y);
    }

    /** Random draws that keep colliding mean the space of problems is nearly used up. */
    static void giveUpAfter(long attempts, int wanted, Object options, String what) {
        if (attempts > 100L * wanted + 100_000) {
            throw new IllegalArgumentException("could not draw " + wanted + " " + what + " (options: " + options + ")");
        }
    }
}
