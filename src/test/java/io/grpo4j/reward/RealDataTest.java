package io.grpo4j.reward;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.grpo4j.data.DatasetSpec;
import io.grpo4j.data.Datasets;
import io.grpo4j.data.Problem;
import io.grpo4j.testing.Shared;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The accuracy rule against the reference solutions of the real datasets. */
class RealDataTest {
    private static final AccuracyRule ACCURACY = new AccuracyRule("accuracy");

    @Test
    void gsm8kReferenceSolutionsAreCorrectAndShuffledOnesAreNot() throws IOException {
        Path file = Shared.dataset("gsm8k").resolve("test.jsonl");
        List<Problem> problems = Datasets.load(DatasetSpec.of(file.toString(), "gsm8k"), Path.of(""));
        assertEquals(1319, problems.size());
        int wrongWhenShuffled = 0;
        for (int i = 0; i < problems.size(); i++) {
            Problem p = problems.get(i);
            String solution = (String) p.columns().get("answer"); // the reference solution, ending in #### N
            assertEquals(1, ACCURACY.score(new RewardInput("", solution, 0, "stop", p.answer(), p.columns())).value(),
                    "own solution of " + p.id());
            Problem other = problems.get((i + 1) % problems.size());
            if (ACCURACY.score(new RewardInput("", solution, 0, "stop", other.answer(), other.columns())).value() == 0) {
                wrongWhenShuffled++;
            }
        }
        assertTrue(wrongWhenShuffled > 0.95 * problems.size(), wrongWhenShuffled + " of " + problems.size());
    }

    @Test
    void math500BoxedSolutionsMatchTheirAnswerField() throws IOException {
        Path file = Shared.dataset("math500").resolve("test.jsonl");
        List<Problem> problems = Datasets.load(DatasetSpec.of(file.toString(), "math"), Path.of(""));
        List<String> failures = new ArrayList<>();
        for (Problem p : problems) {
            String solution = (String) p.columns().get("solution");
            if (ACCURACY.score(new RewardInput("", solution, 0, "stop", p.answer(), p.columns())).value() != 1) {
                failures.add(p.id() + ": " + io.grpo4j.data.Boxed.last(solution) + " vs " + p.answer());
            }
        }
        double rate = 1 - failures.size() / (double) problems.size();
        System.err.println("MATH-500 solution vs answer: " + rate + "; not equivalent: " + failures);
        assertTrue(rate >= 0.98, "only " + rate + " judged equivalent: " + failures);
    }
}
