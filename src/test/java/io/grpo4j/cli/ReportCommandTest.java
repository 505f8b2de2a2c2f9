package io.grpo4j.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.grpo4j.report.RunFixture;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code grpo4j report} on a run written in the test, and on bad runs. */
class ReportCommandTest {
    @Test
    void reportPrintsThePathItWrote(@TempDir Path tmp) throws Exception {
        Path run = tmp.resolve("runs/r");
        RunFixture.write(run);
        CommandsTest.Result r = CommandsTest.run("report", run.toString());
        assertEquals(0, r.code(), r.err());
        assertEquals(run.resolve("report.html") + System.lineSeparator(), r.out());
        assertTrue(Files.readString(run.resolve("report.html")).startsWith("<!DOCTYPE html>"));
        Path out = tmp.resolve("out/x.html");
        CommandsTest.Result o = CommandsTest.run("report", run.toString(), "--out", out.toString());
        assertEquals(0, o.code(), o.err());
        assertEquals(out.toString(), o.out().trim());
        assertTrue(Files.isRegularFile(out));
    }

    @Test
    void badRunsGiveOneLineSayingWhatToDo(@TempDir Path tmp) throws Exception {
        Path none = tmp.resolve("runs/none");
        CommandsTest.Result missing = CommandsTest.run("report", none.toString());
        assertEquals(1, missing.code());
        assertEquals("grpo4j report: run directory " + none + " does not exist: pass a run directory (runs/NAME)", missing.err().trim());
        Path empty = Files.createDirectories(tmp.resolve("runs/empty"));
        CommandsTest.Result noMetrics = CommandsTest.run("report", empty.toString());
        assertEquals(1, noMetrics.code());
        assertEquals("grpo4j report: no metrics.jsonl in " + empty
                + ": pass a run directory written by 'grpo4j train' (runs/NAME); a new run writes it after its first step",
                noMetrics.err().trim());
        Files.writeString(empty.resolve("metrics.jsonl"), "");
        CommandsTest.Result emptyMetrics = CommandsTest.run("report", empty.toString());
        assertEquals(1, emptyMetrics.code());
        assertEquals("grpo4j report: " + empty.resolve("metrics.jsonl")
                + " is empty: the run has not logged a step yet; run 'grpo4j report' again after its first step", emptyMetrics.err().trim());
        // a half-written last line: a warning, and the report
        Files.writeString(empty.resolve("metrics.jsonl"), "{\"step\":1,\"reward\":0.5}\n{\"step\":2,");
        CommandsTest.Result partial = CommandsTest.run("report", empty.toString());
        assertEquals(0, partial.code(), partial.err());
        assertTrue(partial.err().contains("warning: 1 unreadable line skipped in " + empty.resolve("metrics.jsonl")), partial.err());
    }
}
