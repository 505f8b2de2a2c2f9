package io.grpo4j.data;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** Generation is fast; a draw loop that never ends fails here instead of hanging the build. */
@Timeout(30)
class CountdownGeneratorTest {

    /**
     * Evaluates an expression of integers, + - * / and parentheses with exact integer division,
     * collecting the numbers it uses: an independent check of the generator's construction.
     */
    private static final class Evaluator {
        private final String s;
        private int i;
        final List<Long> numbers = new ArrayList<>();

        Evaluator(String s) {
            this.s = s.replace(" ", "");
        }

        long evaluate() {
            long v = sum();
            assertEquals(s.length(), i, "trailing text in " + s);
            return v;
        }

        private long sum() {
            long v = product();
            while (i < s.length() && (s.charAt(i) == '+' || s.charAt(i) == '-')) {
                char op = s.charAt(i++);
                long w = product();
                v = op == '+' ? v + w : v - w;
            }
            return v;
        }

        private long product() {
            long v = atom();
            while (i < s.length() && (s.charAt(i) == '*' || s.charAt(i) == '/')) {
                char op = s.charAt(i++);
                long w = atom();
                if (op == '/') {
                    assertEquals(0, v % w, "inexact division in " + s);
                }
                v = op == '*' ? v * w : v / w;
            }
            return v;
        }

        private long atom() {
            if (s.charAt(i) == '(') {
                i++;
                long v = sum();
                assertEquals(')', s.charAt(i++));
                return v;
            }
            int start = i;
            while (i < s.length() && Character.isDigit(s.charAt(i))) {
                i++;
            }
            long v = Long.parseLong(s.substring(start, i));
            numbers.add(v);
            return v;
        }
    }

    @SuppressWarnings("unchecked")
    private static List<Long> nums(Problem p) {
        return (List<Long>) p.columns().get("nums");
    }

    @Test
    void everyTargetIsReachedByItsSolutionUsingEachNumberOnce() {
        GeneratedSets sets = CountdownGenerator.generate(CountdownGenerator.Options.tinyZero(500, 50, 11));
        for (Problem p : sets.train()) {
            Evaluator e = new Evaluator((String) p.columns().get("solution"));
            long target = (Long) p.columns().get("target");
            assertEquals(target, e.evaluate(), p.id() + ": " + p.columns());
            List<Long> used = new ArrayList<>(e.numbers);
            List<Long> given = new ArrayList<>(nums(p));
            used.sort(null);
            given.sort(null);
            assertEquals(given, used, "each number exactly once: " + p.columns());
            assertTrue(given.size() == 3 || given.size() == 4);
            assertTrue(given.stream().allMatch(n -> n >= 1 && n <= 100));
            assertTrue(target >= 1 && target <= 100);
            assertEquals(Long.toString(target), p.answer());
            assertEquals(CountdownAdapter.question(nums(p), target), p.question());
        }
        assertEquals(Set.of(3, 4), sets.train().stream().map(p -> nums(p).size()).collect(Collectors.toSet()));
    }

    @Test
    void testInstancesAreDistinctAndNeverInTraining() {
        GeneratedSets sets = CountdownGenerator.generate(new CountdownGenerator.Options(400, 20, 2, 2, 2, 5, 10));
        // Two numbers in 1..5 and targets up to 10: under 60 puzzles exist, so collisions are common.
        Set<String> test = sets.test().stream().map(CountdownGeneratorTest::key).collect(Collectors.toSet());
        assertEquals(20, test.size());
        assertTrue(sets.train().stream().noneMatch(p -> test.contains(key(p))));
        assertEquals(sets, CountdownGenerator.generate(new CountdownGenerator.Options(400, 20, 2, 2, 2, 5, 10)), "same seed, same sets");
    }

    private static String key(Problem p) {
        List<Long> sorted = new ArrayList<>(nums(p));
        sorted.sort(null);
        return sorted + "=" + p.answer();
    }
}
