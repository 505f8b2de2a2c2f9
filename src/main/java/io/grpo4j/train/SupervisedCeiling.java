package io.grpo4j.train;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import io.grpo4j.config.RunConfig;
import io.grpo4j.config.SamplingParams;
import io.grpo4j.data.Datasets;
import io.grpo4j.data.Problem;
import io.grpo4j.data.ProblemStream;
import io.grpo4j.data.PromptTemplate;
import io.grpo4j.data.Split;
import io.grpo4j.eval.Evaluator;
import io.grpo4j.generate.RolloutGenerator;
import io.grpo4j.grpo.AdamW;
import io.grpo4j.grpo.Episode;
import io.grpo4j.grpo.PolicyUpdate;
import io.grpo4j.model.Decoder;
import io.grpo4j.reward.RuleSet;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;

/**
 * The supervised ceiling of a run config: its initial model trained on the gold answers of its
 * training problems (completion text {@code completionFormat} with "{answer}" filled in), then
 * evaluated greedily on its held-out problems like a run. A diagnostic, not a way to train: it
 * answers "can this model learn this task at all, and how fast, when it is shown the answers?",
 * an upper bound on what RL, which must find the answers itself, reaches with the same model
 * and the same number of examples. It goes through the GRPO update itself: with every advantage
 * 1 and the sampling policy equal to the current one, the clipped surrogate's gradient is the
 * negative log-likelihood's (normalised as {@code grpo.loss_type} says).
 */
public final class SupervisedCeiling {
    private SupervisedCeiling() {}

    /**
     * @param step optimizer steps taken
     * @param examples gold completions trained on
     * @param passAt1 greedy held-out accuracy
     * @param formatRate greedy held-out format rate (NaN without a format rule)
     * @param seconds since the start
     */
    public record Point(int step, long examples, double passAt1, double formatRate, double seconds) {}

    /** The default gold completion: the R1 answer block, after an empty think part. */
    public static String defaultCompletion(RunConfig config) {
        return (config.data().prefillThink() ? "" : "<think>") + "</think><answer>{answer}</answer>";
    }

    /**
     * Trains for {@code steps} steps of prompts_per_step × num_generations gold completions and
     * evaluates at step 0, every {@code evalEvery} steps and at the end.
     */
    public static List<Point> run(RunConfig config, Path baseDir, int steps, int evalEvery, String completionFormat,
            Consumer<Point> out) throws IOException {
        if (!completionFormat.contains("{answer}")) {
            throw new IllegalArgumentException("the completion format must contain {answer}, got \"" + completionFormat + "\"");
        }
        Path scratch = Files.createTempDirectory("grpo4j-ceiling");
        List<Point> points = new ArrayList<>();
        try (NDManager root = NDManager.newBaseManager(Devices.pick(config.model().device()));
                Policy.Loaded policy = Policy.initial(config.model(), baseDir, scratch, root);
                RuleSet rules = RuleSet.load(config.rewards().rules(), baseDir.resolve("rewards"));
                Decoder decoder = new Decoder(policy.weights())) {
            for (NDArray p : policy.weights().all().values()) {
                p.setRequiresGradient(true);
            }
            PromptTemplate template = GrpoTrainer.template(config, policy.tokenizer());
            Split split = Datasets.split(config.data().train(), baseDir);
            List<Problem> eval = GrpoTrainer.evalProblems(config, split, baseDir);
            ProblemStream stream = new ProblemStream(split.train(), config.run().seed());
            int batch = config.grpo().promptsPerStep() * config.grpo().numGenerations();
            long started = System.nanoTime();
            try (AdamW optimizer = new AdamW(policy.weights().all(), config.optim().beta1(), config.optim().beta2(),
                    config.optim().eps(), config.optim().weightDecay(), root)) {
                PolicyUpdate update = new PolicyUpdate(decoder, null, optimizer, config.grpo(), config.sampling().temperature(),
                        config.sampling().maxNewTokens(), 16384).withMaxGradNorm(config.optim().maxGradNorm());
                for (int step = 0; ; step++) {
                    if (step % evalEvery == 0 || step == steps) {
                        Evaluator.Result r = evaluate(decoder, policy, rules, eval, template, config.sampling());
                        Point point = new Point(step, (long) step * batch, r.passAt1(), r.formatRate(), (System.nanoTime() - started) / 1e9);
                        points.add(point);
                        out.accept(point);
                    }
                    if (step == steps) {
                        break;
                    }
                    List<Episode> episodes = new ArrayList<>();
                    for (Problem p : stream.next(batch)) {
                        int[] prompt = policy.tokenizer().encode(template.render(p), true);
                        int[] gold = policy.tokenizer().encode(completionFormat.replace("{answer}", p.answer()), false);
                        episodes.add(new Episode(prompt, gold, new float[gold.length], 1.0, false));
                    }
                    update.run(episodes, config.optim().lrAt(step, steps), 0.0);
                }
            }
        } finally {
            deleteTree(scratch);
        }
        return points;
    }

    private static Evaluator.Result evaluate(Decoder decoder, Policy.Loaded policy, RuleSet rules, List<Problem> eval,
            PromptTemplate template, SamplingParams sampling) {
        try (Decoder sampler = decoder.forInference()) {
            RolloutGenerator gen = new RolloutGenerator(sampler, ids -> policy.tokenizer().decode(ids, true),
                    policy.tokenizer().eosTokenIds());
            return new Evaluator(gen, policy.tokenizer(), rules, 256).evaluate(eval, template, sampling.withTemperature(0f));
        }
    }

    private static void deleteTree(Path dir) throws IOException {
        try (var files = Files.walk(dir)) {
            for (Path p : files.sorted(java.util.Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(p);
            }
        }
    }
}
