package io.grpo4j.report;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class RolloutSampleTest {
    @Test
    void aSmallFileComesWhole(@TempDir Path tmp) throws IOException {
        Path run = tmp.resolve("r");
        RunFixture.write(run);
        RolloutSample s = RolloutSample.read(run.resolve("rollouts.jsonl"), RolloutSample.DEFAULT_BUDGET);
        assertEquals(96, s.rows().size());
        assertEquals(96, s.totalRows());
        assertEquals(12, s.shownSteps().size());
        assertFalse(s.sampled());
    }

    @Test
    void aLargeFileGivesEvenlySpacedWholeStepsWithTheLast(@TempDir Path tmp) throws IOException {
        Path run = tmp.resolve("r");
        RunFixture.write(run);
        Path file = run.resolve("rollouts.jsonl");
        Files.writeString(file, Files.readString(file) + "{\"step\":13,\"prompt"); // and a half-written line
        long perStep = 0;
        for (Rollout r : RolloutSample.read(file, Long.MAX_VALUE).rows()) {
            perStep += r.step() == 1 ? RolloutSample.cost(r) : 0;
        }
        RolloutSample s = RolloutSample.read(file, perStep * 4 + perStep / 2); // room for about 4 steps
        assertTrue(s.sampled());
        assertEquals(96, s.totalRows());
        assertTrue(s.shownSteps().contains(1) && s.shownSteps().contains(12), "first and last: " + s.shownSteps());
        assertTrue(s.shownSteps().size() >= 3 && s.shownSteps().size() <= 4, s.shownSteps().toString());
        assertEquals(s.shownSteps().size() * 8, s.rows().size(), "every completion of a chosen step");
        assertTrue(s.warning().startsWith("1 unreadable line skipped"), s.warning());
    }

    @Test
    void stepChoiceSpreadsOverTheRun() {
        List<Integer> steps = new ArrayList<>();
        Map<Integer, Long> cost = new LinkedHashMap<>();
        for (int i = 1; i <= 100; i++) {
            steps.add(i);
            cost.put(i, 10L);
        }
        assertEquals(Set.of(1, 34, 67, 100), RolloutSample.choose(steps, cost, 40));
        assertEquals(Set.of(100), RolloutSample.choose(steps, cost, 5), "at least the last step, even over budget");
        assertEquals(100, RolloutSample.choose(steps, cost, 1000).size());
    }

    @Test
    void noFileGivesNothing(@TempDir Path tmp) throws IOException {
        RolloutSample s = RolloutSample.read(tmp.resolve("rollouts.jsonl"), 100);
        assertEquals(0, s.totalRows());
        assertTrue(s.rows().isEmpty());
    }
}
