package io.grpo4j.train;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ai.djl.ndarray.NDManager;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.grpo4j.config.ConfigLoader;
import io.grpo4j.config.RunConfig;
import io.grpo4j.model.ModelWeights;
import io.grpo4j.model.io.ModelDirectory;
import io.grpo4j.testing.Shared;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class TrainerTest {
    static final Path PROJECT = Path.of("").toAbsolutePath();
    static final ObjectMapper JSON = new ObjectMapper();

    /** A tiny arithmetic run (1 layer, 4 prompts × 4 samples, 8 new tokens). */
    static RunConfig tiny(Path out, String name, int steps, String... extra) throws IOException {
        List<String> sets = new ArrayList<>(List.of(
                "run.output_dir=" + out, "run.name=" + name, "run.max_steps=" + steps, "run.eval_every=0",
                "run.checkpoint_every=2", "run.log_completions_every=0", "run.rollouts_per_step=-1",
                "model.init.hidden=16", "model.init.layers=1", "model.init.heads=2", "model.init.kv_heads=1",
                "model.init.ffn=32", "grpo.num_generations=4", "grpo.prompts_per_step=4", "grpo.minibatch_size=8",
                "grpo.micro_batch_size=4", "sampling.max_new_tokens=8", "optim.lr=0.01", "optim.warmup_steps=0"));
        sets.addAll(List.of(extra));
        return ConfigLoader.load(null, sets);
    }

    static List<JsonNode> metricsWithoutTimings(Path runDir) throws IOException {
        List<JsonNode> out = new ArrayList<>();
        for (String line : Files.readAllLines(runDir.resolve("metrics.jsonl"))) {
            ObjectNode o = (ObjectNode) JSON.readTree(line);
            o.remove(List.of("time/rollout_s", "time/reward_s", "time/update_s", "tokens_per_s"));
            out.add(o);
        }
        return out;
    }

    static float[] weights(Path checkpoint, String name) throws IOException {
        try (NDManager m = NDManager.newBaseManager();
                ModelDirectory.LoadedModel loaded = ModelDirectory.load(checkpoint, m)) {
            return loaded.weights().get(name).toFloatArray();
        }
    }

    @Test
    void resumedRunEqualsUninterruptedRun(@TempDir Path tmp) throws IOException {
        // An adapted entropy-bonus weight is run state too: it must survive the resume.
        // (tag_count varies between random samples, so most steps update and measure the entropy)
        String[] adaptive = {"grpo.entropy_coef=0.05", "grpo.entropy_target=2.0", "grpo.entropy_after=null", "rewards.rules=tag_count"};
        try (GrpoTrainer t = GrpoTrainer.create(tiny(tmp, "straight", 4, adaptive), PROJECT)) {
            RunSummary s = t.run();
            assertTrue(s.completed());
            assertEquals(4, s.steps());
        }
        try (GrpoTrainer t = GrpoTrainer.create(tiny(tmp, "split", 2, adaptive), PROJECT)) {
            t.run();
        }
        // A crash left half a line behind: resume must repair it.
        Files.writeString(tmp.resolve("split/metrics.jsonl"), "{\"step\": 3, \"rew", java.nio.file.StandardOpenOption.APPEND);
        try (GrpoTrainer t = GrpoTrainer.resume(tmp.resolve("split"), List.of("run.max_steps=4"))) {
            assertEquals(4, t.run().steps());
        }
        assertEquals(metricsWithoutTimings(tmp.resolve("straight")), metricsWithoutTimings(tmp.resolve("split")));
        assertEquals(Files.readAllLines(tmp.resolve("straight/rollouts.jsonl")), Files.readAllLines(tmp.resolve("split/rollouts.jsonl")));
        for (String name : new String[] {"model.embed_tokens.weight", "model.layers.0.self_attn.q_proj.weight", "lm_head.weight"}) {
            assertArrayEquals(weights(tmp.resolve("straight/checkpoints/step-4"), name),
                    weights(tmp.resolve("split/checkpoints/step-4"), name), 0f, name);
        }
        // Checkpoints keep the newest two, each a complete model directory plus trainer state.
        assertEquals(List.of("step-2", "step-4"), new Checkpoints(tmp.resolve("straight/checkpoints")).list().stream()
                .map(p -> p.getFileName().toString()).toList());
        assertTrue(Files.isRegularFile(tmp.resolve("straight/checkpoints/step-4/optimizer.safetensors")));
        JsonNode state = JSON.readTree(tmp.resolve("straight/checkpoints/step-4/trainer-state.json").toFile());
        assertEquals(4, state.get("step").asInt());
        // a random model's entropy (about 5 nats) is above the 2-nat target: the weight shrinks after
        // every step that updated (and measured it), and stays put after a step without signal
        List<JsonNode> m = metricsWithoutTimings(tmp.resolve("straight"));
        assertEquals(0.05, m.get(0).get("entropy_coef").asDouble(), 0);
        int updated = 0;
        for (int i = 0; i < m.size(); i++) {
            double now = m.get(i).get("entropy_coef").asDouble();
            double next = i + 1 < m.size() ? m.get(i + 1).get("entropy_coef").asDouble() : state.get("entropy_coef").asDouble();
            if (m.get(i).get("optimizer_steps").asInt() > 0) {
                updated++;
                assertTrue(next < now, "step " + (i + 1) + " updated but the weight did not shrink: " + m.get(i));
            } else {
                assertEquals(now, next, 0, "step " + (i + 1) + " made no update: " + m.get(i));
            }
        }
        assertTrue(updated >= 1, "no update to test the adaptation on: " + m);
        // The report is rewritten at every checkpoint: after the resumed run it covers all four steps.
        String report = Files.readString(tmp.resolve("split/report.html"));
        assertTrue(report.contains(" 4 steps logged (1–4)"), report.substring(0, Math.min(600, report.length())));
    }

    @Test
    void oneStepChangesEveryParameterAndTheReferenceStaysFrozen(@TempDir Path tmp) throws IOException {
        // tag_count varies between random samples, so the first step has a learning signal
        try (GrpoTrainer t = GrpoTrainer.create(tiny(tmp, "kl", 1, "grpo.beta=0.1", "run.checkpoint_every=1",
                "rewards.rules=tag_count", "sampling.max_new_tokens=24", "sampling.stop_strings=[]"), PROJECT)) {
            t.run();
        }
        try (NDManager m = NDManager.newBaseManager();
                ModelDirectory.LoadedModel after = ModelDirectory.load(tmp.resolve("kl/checkpoints/step-1"), m);
                ModelWeights before = io.grpo4j.model.ModelInit.random(after.config(), 1, m)) {
            for (String name : before.all().keySet()) {
                float[] a = before.get(name).toFloatArray();
                float[] b = after.weights().get(name).toFloatArray();
                assertFalse(java.util.Arrays.equals(a, b), name + " did not change after one step");
            }
        }
        JsonNode m = JSON.readTree(Files.readAllLines(tmp.resolve("kl/metrics.jsonl")).get(0));
        assertEquals(2, m.get("optimizer_steps").asInt(), "16 completions in minibatches of 8: two updates; " + m);
        for (String key : new String[] {"reward", "reward_std", "rewards/tag_count/mean",
                "frac_reward_zero_std", "completions/mean_length", "completions/max_length", "completions/clipped_ratio",
                "kl", "entropy", "clip_ratio/low_mean", "clip_ratio/high_mean", "grad_norm", "lr", "time/rollout_s",
                "time/reward_s", "time/update_s", "tokens_per_s", "logprob_gap/mean", "logprob_gap/max"}) {
            assertTrue(m.has(key), "metrics.jsonl lacks " + key + ": " + m);
        }
        // one engine for sampling and training: the log-prob gap is float noise
        assertTrue(m.get("logprob_gap/max").asDouble() < 1e-3, "gap " + m.get("logprob_gap/max"));
    }

    @Test
    void refusesToOverwriteARunAndExplainsResume(@TempDir Path tmp) throws IOException {
        try (GrpoTrainer t = GrpoTrainer.create(tiny(tmp, "once", 2), PROJECT)) {
            t.run();
        }
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> GrpoTrainer.create(tiny(tmp, "once", 2), PROJECT));
        assertTrue(e.getMessage().contains("already holds a run: continue it with --resume"), e.getMessage());
        IOException none = assertThrows(IOException.class, () -> GrpoTrainer.resume(tmp.resolve("nothing"), List.of()));
        assertTrue(none.getMessage().startsWith("no config.json in "), none.getMessage());
    }

    @Test
    void learnsOnAReducedDefaultTask(@TempDir Path tmp) throws IOException {
        // The default preset, smaller and shorter: the reward must clearly rise within 30 steps.
        RunConfig c = ConfigLoader.load(null, List.of("run.output_dir=" + tmp, "run.name=learn", "run.max_steps=30",
                "run.eval_every=0", "run.checkpoint_every=0", "run.log_completions_every=0", "run.rollouts_per_step=0",
                "grpo.prompts_per_step=16", "grpo.minibatch_size=128", "grpo.micro_batch_size=128"));
        try (GrpoTrainer t = GrpoTrainer.create(c, PROJECT)) {
            t.run();
        }
        List<JsonNode> m = metricsWithoutTimings(tmp.resolve("learn"));
        double first = m.subList(0, 5).stream().mapToDouble(x -> x.get("reward").asDouble()).average().orElseThrow();
        double last = m.subList(25, 30).stream().mapToDouble(x -> x.get("reward").asDouble()).average().orElseThrow();
        assertTrue(last > first + 0.05, "reward went from " + first + " to " + last);
    }

    @Test
    void realTokenizerQwen2ShapedModelOnGsm8kWithChatTemplate(@TempDir Path tmp) throws IOException {
        Path gsm8k = Shared.dataset("gsm8k").resolve("test.jsonl");
        Path tok = Shared.tokenizer("qwen2.5");
        RunConfig c = ConfigLoader.load(null, List.of("run.output_dir=" + tmp, "run.name=gsm8k", "run.max_steps=2",
                "run.eval_every=2", "run.checkpoint_every=1", "run.log_completions_every=0",
                "model.init.arch=qwen2", "model.init.hidden=16", "model.init.layers=1", "model.init.heads=2",
                "model.init.kv_heads=1", "model.init.ffn=32", "model.init.tokenizer=" + tok,
                "data.train={\"path\": \"" + gsm8k + "\", \"format\": \"gsm8k\", \"limit\": 64}",
                "data.eval={\"path\": \"" + gsm8k + "\", \"format\": \"gsm8k\", \"limit\": 4}",
                "data.template=chat", "data.prefill_think=false", "rewards.rules=r1-zero",
                "grpo.num_generations=2", "grpo.prompts_per_step=2", "grpo.minibatch_size=4", "grpo.micro_batch_size=2",
                "sampling.max_new_tokens=6", "sampling.stop_strings=[]"));
        try (GrpoTrainer t = GrpoTrainer.create(c, PROJECT)) {
            t.run();
        }
        JsonNode rollout = JSON.readTree(Files.readAllLines(tmp.resolve("gsm8k/rollouts.jsonl")).get(0));
        assertTrue(rollout.get("prompt").asText().startsWith("<|im_start|>system\n"), rollout.get("prompt").asText());
        assertTrue(rollout.get("prompt").asText().endsWith("<|im_start|>assistant\n"));
        try (GrpoTrainer t = GrpoTrainer.resume(tmp.resolve("gsm8k"), List.of("run.max_steps=3"))) {
            assertEquals(3, t.run().steps());
        }
        try (NDManager m = NDManager.newBaseManager();
                ModelDirectory.LoadedModel loaded = ModelDirectory.load(tmp.resolve("gsm8k/checkpoints/step-3"), m)) {
            assertEquals(io.grpo4j.model.ModelConfig.Architecture.QWEN2, loaded.config().architecture());
            assertEquals(List.of(151645, 151643), loaded.tokenizer().eosTokenIds());
        }
        assertEquals(3, Files.readAllLines(tmp.resolve("gsm8k/eval.jsonl")).size()); // steps 0, 2 and the last, 3
    }
}
