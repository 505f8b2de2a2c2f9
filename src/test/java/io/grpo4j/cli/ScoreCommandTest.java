package io.grpo4j.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

class ScoreCommandTest {
    private static final ObjectMapper JSON = new ObjectMapper();

    @TempDir
    Path tmp;

    private record Run(int code, String out, String err) {}

    private static Run run(String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        CommandLine cl = Main.commandLine();
        cl.setOut(new PrintWriter(out, true));
        cl.setErr(new PrintWriter(err, true));
        int code = cl.execute(args);
        return new Run(code, out.toString(), err.toString());
    }

    @Test
    void scoresEachLineAndKeepsItsColumns() throws IOException {
        Path in = tmp.resolve("in.jsonl");
        Files.writeString(in, String.join("\n",
                "{\"id\": 1, \"completion\": \"<think>7+5=12</think><answer>12</answer>\", \"answer\": \"12\"}",
                "{\"id\": 2, \"completion\": \"<think>hmm</think><answer>13</answer>\", \"answer\": \"#### 12\"}",
                "{\"id\": 3, \"completion\": \"no tags at all\"}",
                ""));
        Path outFile = tmp.resolve("out.jsonl");
        Run r = run("score", "--rules", "r1-zero", "--input", in.toString(), "--output", outFile.toString());
        assertEquals(0, r.code(), r.err());
        List<String> lines = Files.readAllLines(outFile);
        assertEquals(3, lines.size());
        JsonNode first = JSON.readTree(lines.get(0));
        assertEquals(1, first.get("id").asInt());
        assertEquals(1.0, first.get("rewards").get("format").asDouble());
        assertEquals(1.0, first.get("rewards").get("accuracy").asDouble());
        assertEquals(2.0, first.get("reward").asDouble());
        assertEquals(0, first.get("reasons").size());
        JsonNode second = JSON.readTree(lines.get(1));
        assertEquals(1.0, second.get("reward").asDouble());
        assertEquals("wrong answer", second.get("reasons").get("accuracy").asText());
        // no gold answer: accuracy is null (NaN, not applicable) and left out of the total
        JsonNode third = JSON.readTree(lines.get(2));
        assertTrue(third.get("rewards").get("accuracy").isNull());
        assertEquals("no gold answer", third.get("reasons").get("accuracy").asText());
        assertEquals(0.0, third.get("reward").asDouble());
        // summary on stderr: accuracy mean over the two applicable lines = (1 + 0) / 2, one NaN
        assertTrue(r.err().startsWith("scored 3 completions with "), r.err());
        assertTrue(r.err().contains("accuracy    1.000    0.5000       1         0"), r.err());
        // mean total: (2 + 1 + 0) / 3
        assertTrue(r.err().lines().anyMatch(l -> l.matches("reward\\s+1\\.0000")), r.err());
    }

    @Test
    void badLinesAreReportedByNumberAndTheRestIsScored() throws IOException {
        Path in = tmp.resolve("in.jsonl");
        Files.writeString(in, String.join("\n",
                "{\"completion\": \"<answer>3</answer>\", \"answer\": 3}",
                "{not json",
                "[1, 2]",
                "{\"answer\": \"3\"}",
                "{\"completion\": \"<answer>(1+2)</answer>\", \"nums\": [1, 2], \"target\": 3}"));
        Run r = run("score", "--rules", "accuracy,countdown", "--input", in.toString());
        assertEquals(1, r.code());
        String[] out = r.out().split("\n");
        assertEquals(2, out.length, r.out());
        // a numeric gold answer works; the row columns reach the countdown rule
        assertEquals(1.0, JSON.readTree(out[0]).get("rewards").get("accuracy").asDouble());
        assertEquals(1.0, JSON.readTree(out[1]).get("rewards").get("countdown").asDouble());
        assertTrue(r.err().contains(in + " line 2: not valid JSON ("), r.err());
        assertTrue(r.err().contains(in + " line 3: expected a JSON object, got array; line skipped"), r.err());
        assertTrue(r.err().contains(in + " line 4: no \"completion\" string; line skipped"), r.err());
        assertTrue(r.err().contains("3 bad lines"), r.err());
    }

    @Test
    void userMistakesAreOneLine() {
        Run r = run("score", "--rules", "accuracy", "--input", tmp.resolve("missing.jsonl").toString());
        assertEquals(1, r.code());
        assertEquals("grpo4j score: input file " + tmp.resolve("missing.jsonl") + " not found", r.err().strip());
        r = run("score", "--rules", "nope", "--input", "x.jsonl");
        assertEquals(1, r.code());
        assertTrue(r.err().startsWith("grpo4j score: unknown reward rule or rule file 'nope'"), r.err());
    }
}
