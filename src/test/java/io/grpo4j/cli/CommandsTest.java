package io.grpo4j.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.grpo4j.eval.PassAtK;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The commands end to end, through the same picocli entry point users call. */
class CommandsTest {
    record Result(int code, String out, String err) {}

    static Result run(String... args) {
        PrintStream oldOut = System.out;
        PrintStream oldErr = System.err;
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        StringWriter picoErr = new StringWriter();
        try {
            System.setOut(new PrintStream(out, true, StandardCharsets.UTF_8));
            System.setErr(new PrintStream(err, true, StandardCharsets.UTF_8));
            var cl = Main.commandLine();
            cl.setErr(new PrintWriter(picoErr, true));
            int code = cl.execute(args);
            return new Result(code, out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8) + picoErr);
        } finally {
            System.setOut(oldOut);
            System.setErr(oldErr);
        }
    }

    @Test
    void initModelThenSampleGreedyTwiceGivesTheSameJson(@TempDir Path tmp) {
        Path model = tmp.resolve("m");
        Result init = run("init-model", "--out", model.toString(), "--arch", "qwen2", "--hidden", "32", "--layers", "1",
                "--heads", "2", "--kv-heads", "1", "--ffn", "64", "--builtin-tokenizer");
        assertEquals(0, init.code(), init.err());
        assertTrue(Files.isRegularFile(model.resolve("model.safetensors")));
        String[] sample = {"sample", "--model", model.toString(), "--prompt", "User: 3+4. Assistant:", "--temperature", "0",
                "--max-new-tokens", "5", "--json", "--n", "2"};
        Result a = run(sample);
        assertEquals(0, a.code(), a.err());
        List<String> lines = a.out().lines().toList();
        assertEquals(2, lines.size(), a.out());
        assertEquals(lines.get(0), lines.get(1), "greedy samples agree");
        assertEquals(a.out(), run(sample).out());
        Result bad = run("init-model", "--out", model.toString(), "--hidden", "32", "--layers", "1", "--heads", "2",
                "--ffn", "64", "--builtin-tokenizer");
        assertEquals(1, bad.code());
        assertTrue(bad.err().contains(model + " is not empty: pick a new folder"), bad.err());
    }

    @Test
    void scoreAddsRewardsAndReportsBadLines(@TempDir Path tmp) throws Exception {
        Path in = tmp.resolve("in.jsonl");
        Files.writeString(in, "{\"completion\": \"<think>1+1=2</think><answer>2</answer>\", \"answer\": \"2\"}\n"
                + "{\"completion\": \"<answer>3</answer>\", \"answer\": \"2\", \"extra\": 7}\n");
        Result r = run("score", "--rules", "format,accuracy", "--input", in.toString());
        assertEquals(0, r.code(), r.err());
        List<String> lines = r.out().lines().toList();
        JsonNode first = new ObjectMapper().readTree(lines.get(0));
        assertEquals(2.0, first.get("reward").asDouble());
        JsonNode second = new ObjectMapper().readTree(lines.get(1));
        assertEquals(0.0, second.get("reward").asDouble());
        assertEquals(7, second.get("extra").asInt()); // input columns kept
        assertEquals("wrong answer", second.get("reasons").get("accuracy").asText());
        Files.writeString(in, "{\"completion\": \"x\"}\n{\"answer\": \"2\"}\n");
        Result bad = run("score", "--rules", "format", "--input", in.toString());
        assertEquals(1, bad.code());
        assertTrue(bad.err().contains(in + " line 2: no \"completion\" string; line skipped"), bad.err());
    }

    @Test
    void passAtKMatchesHandComputedValues() {
        // n = 4 samples, c = 1 correct: pass@1 = 1/4; pass@2 = 1 − C(3,2)/C(4,2) = 1 − 3/6 = 0.5
        assertEquals(0.25, PassAtK.of(4, 1, 1), 1e-12);
        assertEquals(0.5, PassAtK.of(4, 1, 2), 1e-12);
        // c = 0 → 0; n − c < k → 1
        assertEquals(0.0, PassAtK.of(5, 0, 3), 1e-12);
        assertEquals(1.0, PassAtK.of(5, 3, 3), 1e-12);
        assertEquals((0.5 + 1.0) / 2, PassAtK.mean(new int[] {1, 4}, 4, 2), 1e-12);
    }

    @Test
    void evalAndInspectOnAModelAndRunMadeHere(@TempDir Path tmp) throws Exception {
        Path model = tmp.resolve("m");
        assertEquals(0, run("init-model", "--out", model.toString(), "--hidden", "16", "--layers", "1", "--heads", "2",
                "--ffn", "32", "--builtin-tokenizer").code());
        Result e = run("eval", "--model", model.toString(), "--data", "datasets/arithmetic/test.jsonl", "--format", "arithmetic",
                "--limit", "6", "--rules", "arithmetic", "--prefill-think", "--samples", "3", "--max-new-tokens", "6",
                "--completions", tmp.resolve("out/completions.jsonl").toString());
        assertEquals(0, e.code(), e.err());
        JsonNode o = new ObjectMapper().readTree(e.out());
        assertEquals(6, o.get("problems").asInt());
        for (String k : new String[] {"pass@1", "pass@3", "maj@3", "mean_reward", "format_rate"}) {
            assertTrue(o.has(k), k + " missing: " + o);
        }
        // the completions file holds every sample, and its own scores give the same pass@1 and mean reward
        List<String> lines = Files.readAllLines(tmp.resolve("out/completions.jsonl"));
        assertEquals(18, lines.size());
        double correct = 0;
        double reward = 0;
        for (String line : lines) {
            JsonNode c = new ObjectMapper().readTree(line);
            assertTrue(c.get("prompt").asText().endsWith("Assistant: <think>"), line);
            correct += c.get("rewards").get("accuracy").asDouble() == 1 ? 1 : 0;
            reward += c.get("reward").asDouble();
        }
        assertEquals(correct / 18, o.get("pass@1").asDouble(), 1e-12);
        assertEquals(reward / 18, o.get("mean_reward").asDouble(), 1e-9);
        JsonNode sources = o.get("by_source");
        assertEquals(1, sources.size(), sources.toString());
        JsonNode only = sources.elements().next();
        assertEquals(18, only.get("completions").asInt());
        assertEquals(o.get("pass@1").asDouble(), only.get("pass@1").asDouble(), 1e-12);
        Result fromFile = run("inspect", tmp.resolve("out/completions.jsonl").toString(), "--step", "0", "--limit", "100");
        assertEquals(0, fromFile.code(), fromFile.err());
        assertTrue(fromFile.out().startsWith("step 0: 18 completions shown of 18 matching"), fromFile.out());
        Path runDir = tmp.resolve("runs/r");
        Files.createDirectories(runDir);
        Files.writeString(runDir.resolve("rollouts.jsonl"),
                "{\"step\":1,\"prompt_id\":\"a\",\"sample\":0,\"completion\":\"4</think><answer>4</answer>\",\"think\":\"4\",\"answer\":\"4\","
                        + "\"gold\":\"4\",\"rewards\":{\"format\":1,\"accuracy\":1},\"reward\":2,\"advantage\":0.7,\"length\":5,\"finish_reason\":\"stop\"}\n"
                        + "{\"step\":1,\"prompt_id\":\"b\",\"sample\":0,\"completion\":\"x\",\"rewards\":{\"format\":0,\"accuracy\":0},"
                        + "\"reward\":0,\"advantage\":-0.7,\"length\":1,\"finish_reason\":\"length\"}\n{\"step\":2,\"trunc");
        Result i = run("inspect", runDir.toString(), "--step", "1", "--filter", "correct");
        assertEquals(0, i.code(), i.err());
        assertTrue(i.out().startsWith("step 1: 1 completions shown of 1 matching"), i.out());
        assertTrue(i.out().contains("answer: 4"), i.out());
        assertTrue(i.err().contains("1 unreadable line skipped"), i.err());
        Files.writeString(runDir.resolve("metrics.jsonl"), "{\"step\":1,\"reward\":1.0,\"rewards/accuracy/mean\":0.5,"
                + "\"rewards/format/mean\":0.5,\"completions/mean_length\":3.0,\"frac_reward_zero_std\":0.0}\n");
        Result summary = run("inspect", runDir.toString(), "--summary");
        assertEquals(0, summary.code(), summary.err());
        // think parts "4" and none: 0.5 characters on average
        assertEquals(List.of("step  reward  accuracy  format  mean_len  think_chars  frac_zero_std",
                "   1   1.000     0.500   0.500       3.0          0.5           0.00"), summary.out().lines().toList());
        Result missing = run("inspect", tmp.resolve("nope").toString());
        assertEquals(1, missing.code());
        assertTrue(missing.err().contains("no rollouts.jsonl in " + tmp.resolve("nope") + ": pass a run directory"), missing.err());
    }
}
