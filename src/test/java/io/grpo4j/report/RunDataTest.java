package io.grpo4j.report;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Reading run files back: half-written lines, NaN, and missing or empty files. */
class RunDataTest {
    @Test
    void aHalfWrittenLastLineIsSkippedAndCounted(@TempDir Path tmp) throws IOException {
        Path file = tmp.resolve("metrics.jsonl");
        Files.writeString(file, "{\"step\":1,\"reward\":0.5}\n\n{\"step\":2,\"reward\":NaN,\"kl\":null}\n{\"step\":3,\"rew");
        List<String> warnings = new ArrayList<>();
        List<JsonNode> rows = JsonlReader.readAll(file, warnings);
        assertEquals(2, rows.size());
        assertTrue(Double.isNaN(Rollout.number(rows.get(1).path("reward"))), "bare NaN token reads as NaN");
        assertTrue(Double.isNaN(Rollout.number(rows.get(1).path("kl"))), "null reads as NaN");
        assertEquals(List.of("1 unreadable line skipped in " + file
                + " (line 4, the last: half-written by a run that is still going or crashed)"), warnings);
    }

    @Test
    void badLinesInTheMiddleAreListedByNumber(@TempDir Path tmp) throws IOException {
        Path file = tmp.resolve("eval.jsonl");
        Files.writeString(file, "{\"step\":0}\nnot json\n[1,2]\n{\"step\":4}\n");
        JsonlReader.Pass pass = JsonlReader.forEach(file, row -> {});
        assertEquals(2, pass.rows());
        assertEquals("2 unreadable lines skipped in " + file + " (lines 2, 3)", pass.warning());
    }

    @Test
    void missingDirectoryAndMissingOrEmptyMetricsGiveAMessageThatSaysWhatToDo(@TempDir Path tmp) throws IOException {
        Path none = tmp.resolve("runs/none");
        assertEquals("run directory " + none + " does not exist: pass a run directory (runs/NAME)",
                assertThrows(RunInputException.class, () -> RunData.load(none)).getMessage());
        Path empty = Files.createDirectories(tmp.resolve("runs/empty"));
        assertEquals("no metrics.jsonl in " + empty
                        + ": pass a run directory written by 'grpo4j train' (runs/NAME); a new run writes it after its first step",
                assertThrows(RunInputException.class, () -> RunData.load(empty)).getMessage());
        Files.writeString(empty.resolve("metrics.jsonl"), "");
        assertEquals(empty.resolve("metrics.jsonl")
                        + " is empty: the run has not logged a step yet; run 'grpo4j report' again after its first step",
                assertThrows(RunInputException.class, () -> RunData.load(empty)).getMessage());
        Files.writeString(empty.resolve("metrics.jsonl"), "{\"step\":1,\"rew");
        assertTrue(assertThrows(RunInputException.class, () -> RunData.load(empty)).getMessage()
                .startsWith(empty.resolve("metrics.jsonl") + " has no readable line"));
        Path file = Files.writeString(tmp.resolve("metrics.jsonl"), "{}");
        assertEquals(file + " is not a directory: pass a run directory (runs/NAME), not a file in it",
                assertThrows(RunInputException.class, () -> RunData.load(file)).getMessage());
    }

    @Test
    void optionalFilesMissingBecomeWarnings(@TempDir Path tmp) throws IOException {
        Path run = Files.createDirectories(tmp.resolve("runs/r1"));
        Files.writeString(run.resolve("metrics.jsonl"), "{\"step\":1,\"reward\":0.5}\n");
        RunData data = RunData.load(run);
        assertEquals("r1", data.name(), "the directory name when there is no config.json");
        assertEquals(List.of(
                "no eval.jsonl in " + run + ": no held-out evaluation yet (set run.eval_every and data.eval)",
                "no config.json in " + run + ": the settings of the run are not shown"), data.warnings());
        Files.writeString(run.resolve("config.json"), "{\"run\": {\"name\": ");
        assertTrue(RunData.load(run).warnings().contains(run.resolve("config.json") + " is not a JSON object: the settings of the run are not shown"));
    }

    @Test
    void theFixtureReadsBack(@TempDir Path tmp) throws IOException {
        Path run = tmp.resolve("runs/fixture");
        RunFixture.write(run);
        RunData data = RunData.load(run);
        assertEquals("fixture-run", data.name());
        assertEquals(12, data.metrics().size());
        assertEquals(4, data.evals().size());
        assertEquals(List.of(), data.warnings());
        Series kl = data.metric("kl", "kl");
        assertTrue(Double.isNaN(kl.y()[0]));
        assertEquals(11, kl.finitePoints());
        assertEquals(List.of("format", "accuracy"), ReportCharts.rewardRules(data.metrics()));
    }
}
