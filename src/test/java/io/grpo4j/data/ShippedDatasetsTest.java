package io.grpo4j.data;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/** The generated sets under datasets/ load with their formats and keep test and train apart. */
class ShippedDatasetsTest {
    private static final Path REPO = Path.of("").toAbsolutePath();

    @Test
    void arithmeticIsTheDefaultDatasetAndItsSplitsAreDisjoint() {
        // The arithmetic format re-checks every answer against a op b while loading.
        Split split = Datasets.split(DatasetSpec.defaults(), REPO);
        assertEquals(10_000, split.train().size());
        assertEquals(500, split.eval().size());
        Set<String> test = split.eval().stream().map(Problem::question).collect(Collectors.toSet());
        assertEquals(500, test.size(), "test questions are all different");
        assertTrue(split.train().stream().noneMatch(p -> test.contains(p.question())), "no test question in train");
        Problem first = split.train().get(0);
        assertEquals("arithmetic-train-00000", first.id());
        assertEquals("arithmetic/train", first.source());
        assertTrue(first.question().matches("\\d{1,2}[+-]\\d{1,2}"), first.question());
        assertEquals(List.of("id", "question", "answer", "a", "b", "op"), List.copyOf(first.columns().keySet()));
    }

    @Test
    void countdownSplitsLoadAndAreDisjoint() {
        DatasetSpec spec = new DatasetSpec("datasets/countdown/train.jsonl", "countdown", null, null, null, null,
                "datasets/countdown/test.jsonl", 0, 0, null);
        Split split = Datasets.split(spec, REPO);
        assertEquals(1000, split.train().size());
        assertEquals(100, split.eval().size());
        Set<String> test = split.eval().stream().map(ShippedDatasetsTest::puzzle).collect(Collectors.toSet());
        assertEquals(100, test.size());
        assertTrue(split.train().stream().noneMatch(p -> test.contains(puzzle(p))));
        Problem first = split.train().get(0);
        assertTrue(first.columns().get("nums") instanceof List);
        assertEquals(Long.valueOf(first.answer()), first.columns().get("target"));
    }

    private static String puzzle(Problem p) {
        @SuppressWarnings("unchecked")
        List<Long> nums = new java.util.ArrayList<>((List<Long>) p.columns().get("nums"));
        nums.sort(null);
        return nums + "=" + p.answer();
    }
}
