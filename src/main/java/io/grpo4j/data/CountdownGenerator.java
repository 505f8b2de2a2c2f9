package io.grpo4j.data;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;

/**
 * Makes Countdown instances in TinyZero's shape: 3 or 4 numbers in 1..{@code maxNumber} and a
 * target that is reachable by construction. The generator combines the numbers, two at a time in
 * random order, with a random operator whose result stays a positive integer ({@code -} only
 * from the larger, {@code /} only when exact), until one value is left; instances whose target
 * falls outside 1..{@code maxTarget} are drawn again. The construction is kept in the {@code
 * solution} column (each number used exactly once). Test instances (distinct numbers-and-target
 * pairs) are drawn first and never appear in training.
 */
public final class CountdownGenerator {

    /**
     * @param count training instances
     * @param testCount test instances (0 for none)
     * @param seed random seed
     * @param minNumbers fewest numbers per instance (at least 2)
     * @param maxNumbers most numbers per instance
     * @param maxNumber largest number drawn
     * @param maxTarget largest target kept
     */
    public record Options(int count, int testCount, long seed, int minNumbers, int maxNumbers, int maxNumber, int maxTarget) {
        public Options {
            if (minNumbers < 2 || maxNumbers < minNumbers || maxNumbers > 6) {
                throw new IllegalArgumentException("numbers per instance must satisfy 2 <= min <= max <= 6, got "
                        + minNumbers + ".." + maxNumbers);
            }
            if (maxNumber < 1 || maxTarget < 1) {
                throw new IllegalArgumentException("largest number and largest target must be at least 1, got "
                        + maxNumber + " and " + maxTarget);
            }
            if (count < 0 || testCount < 0 || count + testCount == 0) {
                throw new IllegalArgumentException("ask for at least one instance (count " + count + ", test count " + testCount + ")");
            }
        }

        /** TinyZero's setting: 3 to 4 numbers in 1..100, targets in 1..100. */
        public static Options tinyZero(int count, int testCount, long seed) {
            return new Options(count, testCount, seed, 3, 4, 100, 100);
        }
    }

    /** A value built so far and the expression that builds it. */
    private record Term(long value, String expression, boolean compound) {
        String operand() {
            return compound ? "(" + expression + ")" : expression;
        }
    }

    private CountdownGenerator() {}

    public static GeneratedSets generate(Options o) {
        Random random = new Random(o.seed());
        Set<String> testKeys = new HashSet<>();
        List<Problem> test = new ArrayList<>();
        long attempts = 0;
        while (test.size() < o.testCount()) {
            ArithmeticGenerator.giveUpAfter(++attempts, o.testCount(), o, "distinct Countdown test instances; lower --test-count");
            Problem p = draw(random, o, "test", test.size());
            if (testKeys.add(key(p))) {
                test.add(p);
            }
        }
        List<Problem> train = new ArrayList<>();
        attempts = 0;
        while (train.size() < o.count()) {
            ArithmeticGenerator.giveUpAfter(++attempts, o.count(), o, "Countdown training instances outside the test split");
            Problem p = draw(random, o, "train", train.size());
            if (!testKeys.contains(key(p))) {
                train.add(p);
            }
        }
        return new GeneratedSets(train, test);
    }

    /** Same multiset of numbers and same target: the same puzzle. */
    private static String key(Problem p) {
        List<Long> nums = new ArrayList<>(numbers(p));
        nums.sort(null);
        return nums + "=" + p.answer();
    }

    @SuppressWarnings("unchecked")
    private static List<Long> numbers(Problem p) {
        return (List<Long>) p.columns().get("nums");
    }

    private static Problem draw(Random random, Options o, String split, int index) {
        while (true) {
            int n = o.minNumbers() + random.nextInt(o.maxNumbers() - o.minNumbers() + 1);
            List<Long> nums = new ArrayList<>();
            List<Term> terms = new ArrayList<>();
            for (int i = 0; i < n; i++) {
                long v = 1 + random.nextInt(o.maxNumber());
                nums.add(v);
                terms.add(new Term(v, Long.toString(v), false));
            }
            Term result = combine(random, terms);
            if (result.value() >= 1 && result.value() <= o.maxTarget()) {
                Map<String, Object> columns = new LinkedHashMap<>();
                String id = String.format("countdown-%s-%05d", split, index);
                columns.put("id", id);
                columns.put("question", CountdownAdapter.question(nums, result.value()));
                columns.put("nums", List.copyOf(nums));
                columns.put("target", result.value());
                columns.put("solution", result.expression());
                return new Problem(id, "countdown/" + split, (String) columns.get("question"),
                        Long.toString(result.value()), columns);
            }
        }
    }

    /** Folds the terms into one, two random ones at a time, with operators that keep values positive integers. */
    private static Term combine(Random random, List<Term> terms) {
        while (terms.size() > 1) {
            Term x = terms.remove(random.nextInt(terms.size()));
            Term y = terms.remove(random.nextInt(terms.size()));
            List<String> ops = new ArrayList<>(List.of("+", "*"));
            if (x.value() != y.value()) {
                ops.add("-");
            }
            Term big = x.value() >= y.value() ? x : y;
            Term small = big == x ? y : x;
            if (big.value() % small.value() == 0) {
                ops.add("/");
            }
            String op = ops.get(random.nextInt(ops.size()));
            // "-" and "/" go from the larger to the smaller so the result stays a positive integer.
            boolean ordered = op.equals("-") || op.equals("/");
            Term left = ordered ? big : x;
            Term right = ordered ? small : y;
            long value = ArithmeticGenerator.apply(left.value(), op, right.value());
            terms.add(new Term(value, left.operand() + " " + op + " " + right.operand(), true));
        }
        return terms.get(0);
    }
}
