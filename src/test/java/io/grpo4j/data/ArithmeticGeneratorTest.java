package io.grpo4j.data;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** Generation is fast; a draw loop that never ends fails here instead of hanging the build. */
@Timeout(30)
class ArithmeticGeneratorTest {
    private static final Pattern EXPRESSION = Pattern.compile("(\\d+)([-+*/])(\\d+)");

    private static GeneratedSets generate(String ops, String digits, int count, int testCount, long seed) {
        return ArithmeticGenerator.generate(new ArithmeticGenerator.Options(
                List.of(ops.split(",")),
                java.util.Arrays.stream(digits.split(",")).map(Integer::valueOf).collect(Collectors.toList()),
                count, testCount, seed));
    }

    /** The answer worked out from the question text alone, with BigInteger-free long arithmetic. */
    private static long evaluate(String question) {
        Matcher m = EXPRESSION.matcher(question);
        assertTrue(m.matches(), "question should be a bare expression: " + question);
        long a = Long.parseLong(m.group(1));
        long b = Long.parseLong(m.group(3));
        switch (m.group(2)) {
            case "+": return a + b;
            case "-": return a - b;
            case "*": return a * b;
            default:
                assertEquals(0, a % b, "division must be exact: " + question);
                return a / b;
        }
    }

    @Test
    void answersAreExactAndColumnsMatchTheQuestion() {
        GeneratedSets sets = generate("+,-,*,/", "1,2,3", 3000, 0, 5);
        for (Problem p : sets.train()) {
            assertEquals(Long.toString(evaluate(p.question())), p.answer(), p.id());
            assertEquals(p.question(), p.columns().get("a") + (String) p.columns().get("op") + p.columns().get("b"));
            assertEquals(List.of("id", "question", "answer", "a", "b", "op"), List.copyOf(p.columns().keySet()));
        }
        // With "-" and small operands some answers must be negative (e.g. 3-7).
        assertTrue(sets.train().stream().anyMatch(p -> p.answer().startsWith("-")));
        assertEquals(Set.of("+", "-", "*", "/"), sets.train().stream().map(p -> p.columns().get("op")).collect(Collectors.toSet()));
    }

    @Test
    void operandsHaveOnlyTheAllowedDigitCounts() {
        GeneratedSets sets = generate("+", "1,3", 2000, 0, 1);
        Set<Integer> seen = new HashSet<>();
        for (Problem p : sets.train()) {
            for (String operand : List.of("a", "b")) {
                long v = (Long) p.columns().get(operand);
                int digits = Long.toString(v).length();
                assertTrue(digits == 1 || digits == 3, p.question());
                seen.add(digits);
            }
        }
        assertEquals(Set.of(1, 3), seen);
        // Division keeps the dividend's digit count too (divisor and quotient are drawn to fit).
        for (Problem p : generate("/", "2", 500, 0, 2).train()) {
            assertEquals(2, Long.toString((Long) p.columns().get("a")).length(), p.question());
            assertEquals(2, Long.toString((Long) p.columns().get("b")).length(), p.question());
        }
        // A 2-digit number divided by a 3-digit one is never a whole number: such pairs are redrawn.
        for (Problem p : generate("/", "2,3", 500, 0, 2).train()) {
            assertTrue(!(p.columns().get("a").toString().length() == 2 && p.columns().get("b").toString().length() == 3), p.question());
        }
    }

    @Test
    void sameOptionsSameProblemsAndStableIds() {
        GeneratedSets once = generate("+,-", "1,2", 100, 10, 7);
        assertEquals(once, generate("+,-", "1,2", 100, 10, 7));
        assertEquals("arithmetic-train-00000", once.train().get(0).id());
        assertEquals("arithmetic-test-00009", once.test().get(9).id());
        assertTrue(!once.train().equals(generate("+,-", "1,2", 100, 10, 8).train()), "another seed, other problems");
    }

    @Test
    void testQuestionsAreDistinctAndNeverInTraining() {
        // One-digit + and - give only 200 different problems: a hard case for disjointness.
        GeneratedSets sets = generate("+,-", "1", 5000, 150, 3);
        Set<String> test = sets.test().stream().map(Problem::question).collect(Collectors.toSet());
        assertEquals(150, test.size(), "test questions are all different");
        assertEquals(5000, sets.train().size());
        assertTrue(sets.train().stream().noneMatch(p -> test.contains(p.question())));
        // The 50 problems left for training are all used.
        assertEquals(50, sets.train().stream().map(Problem::question).distinct().count());
    }

    @Test
    void askingForMoreDistinctTestProblemsThanExistIsAnError() {
        // One-digit "+" has exactly 10 * 10 = 100 different problems.
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> generate("+", "1", 10, 101, 0));
        assertTrue(e.getMessage().startsWith("could not draw 101 distinct test problems; lower --test-count or widen --digits / --ops"),
                e.getMessage());
    }

    @Test
    void invalidOptionsSayWhatIsAllowed() {
        assertEquals("arithmetic operators [+, ^] are not valid: use some of + - * / separated by commas, e.g. --ops +,-",
                assertThrows(IllegalArgumentException.class, () -> generate("+,^", "1", 1, 0, 0)).getMessage());
        assertEquals("operand digits [0] are not valid: use counts from 1 to 9 separated by commas, e.g. --digits 1,2",
                assertThrows(IllegalArgumentException.class, () -> generate("+", "0", 1, 0, 0)).getMessage());
    }
}
