package io.grpo4j.data;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;

/**
 * Generates arithmetic problems like {@code 37+5} with exact integer answers. Train and test
 * splits never share a question.
 */
public final class ArithmeticGenerator {
    private ArithmeticGenerator() {}

    /**
     * @param ops operators to draw from: any of + - *
     * @param digits allowed operand digit counts (e.g. 1 and 2); each operand draws its own
     * @param count problems wanted; fails if the space of distinct questions is too small
     * @param exclude questions that must not appear (the other split)
     */
    public static List<Problem> generate(List<Character> ops, List<Integer> digits, int count, long seed, Set<String> exclude,
            String idPrefix) {
        for (char op : ops) {
            if ("+-*".indexOf(op) < 0) {
                throw new IllegalArgumentException("operator '" + op + "' is not supported; use + - *");
            }
        }
        for (int d : digits) {
            if (d < 1 || d > 6) {
                throw new IllegalArgumentException("operand digits must be 1..6, got " + d);
            }
        }
        Random rng = new Random(seed);
        Set<String> seen = new HashSet<>(exclude);
        List<Problem> out = new ArrayList<>(count);
        int attempts = 0;
        while (out.size() < count) {
            if (++attempts > 50L * count + 10_000) {
                throw new IllegalArgumentException("only " + out.size() + " distinct problems found for --count " + count
                        + ": allow more digits or operators");
            }
            long a = operand(rng, digits.get(rng.nextInt(digits.size())));
            long b = operand(rng, digits.get(rng.nextInt(digits.size())));
            char op = ops.get(rng.nextInt(ops.size()));
            String q = a + String.valueOf(op) + b;
            if (!seen.add(q)) {
                continue;
            }
            long ans = switch (op) {
                case '+' -> a + b;
                case '-' -> a - b;
                default -> a * b;
            };
            Map<String, Object> cols = new LinkedHashMap<>();
            cols.put("id", idPrefix + out.size());
            cols.put("question", q);
            cols.put("answer", Long.toString(ans));
            cols.put("a", a);
            cols.put("b", b);
            cols.put("op", String.valueOf(op));
            out.add(new Problem(idPrefix + out.size(), "arithmetic", q, Long.toString(ans), cols));
        }
        return out;
    }

    private static long operand(Random rng, int digits) {
        long lo = digits == 1 ? 0 : (long) Math.pow(10, digits - 1);
        long hi = (long) Math.pow(10, digits);
        return lo + (long) (rng.nextDouble() * (hi - lo));
    }
}
