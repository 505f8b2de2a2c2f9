package io.grpo4j.report;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;

/**
 * A run directory written by hand, shaped like the trainer's: 12 steps of 2 prompts × 4
 * samples, rules {@code format} and {@code accuracy} (weights 0.5 and 1), group-normalised
 * advantages, evaluations every 4 steps and a config.json. Accuracy rises with the step, step 6
 * has a group whose 4 samples are all correct (zero variance), and the last step has one
 * completion that tries to break out of the page.
 */
public final class RunFixture {
    public static final int STEPS = 12;
    public static final int PROMPTS = 2;
    public static final int G = 4;
    public static final String EVIL = "</script><script>alert(1)</script> <b>bold</b>";
    static final String[] QUESTIONS = {"17+25", "9*8"};
    static final String[] GOLDS = {"42", "72"};

    private static final ObjectMapper JSON = new ObjectMapper();

    /** Writes the run into {@code dir} (created) and returns every completion written. */
    public static List<ObjectNode> write(Path dir) throws IOException {
        Files.createDirectories(dir);
        Random random = new Random(7);
        List<ObjectNode> rollouts = new ArrayList<>();
        StringBuilder metrics = new StringBuilder();
        for (int step = 1; step <= STEPS; step++) {
            List<ObjectNode> stepRows = new ArrayList<>();
            for (int p = 0; p < PROMPTS; p++) {
                double[] rewards = new double[G];
                List<ObjectNode> group = new ArrayList<>();
                for (int s = 0; s < G; s++) {
                    boolean zeroVarianceGroup = step == 6 && p == 0;
                    boolean formatted = zeroVarianceGroup || random.nextDouble() < 0.3 + 0.06 * step;
                    boolean correct = zeroVarianceGroup || (formatted && random.nextDouble() < 0.1 + 0.07 * step);
                    boolean truncated = !formatted && random.nextBoolean();
                    String answer = correct ? GOLDS[p] : String.valueOf(Integer.parseInt(GOLDS[p]) + 1 + s);
                    String think = "Let me work out " + QUESTIONS[p] + " step by step. " + "First I add the tens. ".repeat(1 + s);
                    if (step == STEPS && p == 1 && s == 2) {
                        think = EVIL; // model text that tries to end the data script and inject markup
                        answer = EVIL;
                    }
                    String completion = formatted ? think + "</think> <answer>" + answer + "</answer>"
                            : truncated ? think + "and then I keep going and going" : "the answer is " + answer;
                    ObjectNode o = JSON.createObjectNode();
                    o.put("step", step);
                    o.put("prompt_id", "train-" + (100 * step + p));
                    o.put("sample", s);
                    o.put("prompt", "A conversation between User and Assistant. User: " + QUESTIONS[p] + ". Assistant: <think>");
                    o.put("completion", completion);
                    o.put("think", formatted ? think : null);
                    o.put("answer", formatted ? answer : null);
                    o.put("gold", GOLDS[p]);
                    ObjectNode r = o.putObject("rewards");
                    r.put("format", formatted ? 1.0 : 0.0);
                    r.put("accuracy", correct ? 1.0 : 0.0);
                    ObjectNode why = o.putObject("reasons");
                    if (!formatted) {
                        why.put("format", "tags missing or repeated");
                    }
                    if (!correct) {
                        why.put("accuracy", formatted ? "wrong answer" : "no answer");
                    }
                    rewards[s] = 0.5 * (formatted ? 1 : 0) + (correct ? 1 : 0);
                    o.put("reward", rewards[s]);
                    o.put("length", completion.length() / 4);
                    o.put("finish_reason", truncated ? "length" : "stop");
                    group.add(o);
                }
                double mean = 0;
                for (double v : rewards) {
                    mean += v / G;
                }
                double var = 0;
                for (double v : rewards) {
                    var += (v - mean) * (v - mean) / G;
                }
                for (int s = 0; s < G; s++) {
                    group.get(s).put("advantage", (rewards[s] - mean) / (Math.sqrt(var) + 1e-4));
                }
                stepRows.addAll(group);
            }
            rollouts.addAll(stepRows);
            metrics.append(metricsLine(step, stepRows)).append('\n');
        }
        StringBuilder lines = new StringBuilder();
        for (ObjectNode o : rollouts) {
            lines.append(JSON.writeValueAsString(o)).append('\n');
        }
        Files.writeString(dir.resolve("rollouts.jsonl"), lines, StandardCharsets.UTF_8);
        Files.writeString(dir.resolve("metrics.jsonl"), metrics, StandardCharsets.UTF_8);
        StringBuilder eval = new StringBuilder();
        for (int step = 0; step <= STEPS; step += 4) {
            eval.append(String.format(java.util.Locale.ROOT,
                    "{\"step\":%d,\"dataset\":\"datasets/arithmetic/test.jsonl\",\"problems\":50,\"pass@1\":%.2f,"
                            + "\"mean_reward\":%.3f,\"format_rate\":%.2f,\"time_s\":1.5}%n",
                    step, 0.05 * step, 0.1 * step, Math.min(1, 0.1 + 0.08 * step)));
        }
        Files.writeString(dir.resolve("eval.jsonl"), eval, StandardCharsets.UTF_8);
        Files.writeString(dir.resolve("config.json"), CONFIG, StandardCharsets.UTF_8);
        return rollouts;
    }

    /** The step's metrics; kl and grad_norm are written as a bare NaN at step 1 (no update yet). */
    private static String metricsLine(int step, List<ObjectNode> rows) throws IOException {
        double reward = 0;
        double format = 0;
        double accuracy = 0;
        double length = 0;
        double maxLength = 0;
        double clipped = 0;
        for (ObjectNode o : rows) {
            reward += o.get("reward").asDouble() / rows.size();
            format += o.get("rewards").get("format").asDouble() / rows.size();
            accuracy += o.get("rewards").get("accuracy").asDouble() / rows.size();
            length += o.get("length").asDouble() / rows.size();
            maxLength = Math.max(maxLength, o.get("length").asDouble());
            clipped += o.get("finish_reason").asText().equals("length") ? 1.0 / rows.size() : 0;
        }
        ObjectNode m = JSON.createObjectNode();
        m.put("step", step);
        m.put("reward", reward);
        m.put("reward_std", 0.4);
        m.put("rewards/format/mean", format);
        m.put("rewards/accuracy/mean", accuracy);
        m.put("frac_reward_zero_std", step == 6 ? 0.5 : 0.0);
        m.put("completions/mean_length", length);
        m.put("completions/max_length", maxLength);
        m.put("completions/clipped_ratio", clipped);
        m.put("kl", 0.001 * step);
        m.put("entropy", 2.5 - 0.05 * step);
        m.put("clip_ratio/low_mean", 0.01 / step);
        m.put("clip_ratio/high_mean", 0.02 / step);
        m.put("grad_norm", 0.5 + 0.1 * Math.sin(step));
        m.put("loss", 0.05 * Math.cos(step));
        m.put("lr", 1e-6 * Math.min(1, step / 4.0));
        m.put("logprob_gap/mean", 1e-7 * step);
        m.put("logprob_gap/max", 1e-6 * step);
        m.put("optimizer_steps", 1);
        m.put("skipped_nonfinite", 0);
        m.put("sampling_rounds", 1);
        m.put("time/rollout_s", 3.0 + 0.1 * step);
        m.put("time/reward_s", 0.05);
        m.put("time/update_s", 2.0);
        m.put("tokens_per_s", 400 + 10 * step);
        String line = JSON.writeValueAsString(m);
        if (step == 1) { // as Jackson writes a non-finite double
            line = line.replace("\"kl\":0.001", "\"kl\":NaN").replaceFirst("\"grad_norm\":[0-9.E-]+", "\"grad_norm\":NaN");
        }
        return line;
    }

    static final String CONFIG = """
            {
              "run": {"name": "fixture-run", "max_steps": 12, "seed": 1, "eval_every": 4, "rollouts_per_step": -1},
              "model": {"path": "models/tiny-<b>model</b>"},
              "data": {"train": {"path": "datasets/arithmetic/train.jsonl", "format": "arithmetic"},
                       "eval": {"path": "datasets/arithmetic/test.jsonl"}, "template": "r1-zero"},
              "rewards": {"rules": "rewards/arithmetic.json"},
              "grpo": {"num_generations": 4, "prompts_per_step": 2, "loss_type": "dapo", "importance_level": "token",
                       "advantage": "grpo", "scale_rewards": "group", "epsilon": 0.2, "epsilon_high": 0.28, "beta": 0.04,
                       "kl_estimator": "k3", "num_iterations": 1},
              "sampling": {"temperature": 1.0, "top_p": 1.0, "top_k": 0, "max_new_tokens": 64},
              "optim": {"lr": 1.0E-6, "schedule": "constant", "warmup_steps": 4, "max_grad_norm": 1.0}
            }
            """;

    private RunFixture() {}
}
