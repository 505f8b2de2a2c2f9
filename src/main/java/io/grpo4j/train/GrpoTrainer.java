package io.grpo4j.train;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.grpo4j.config.ConfigLoader;
import io.grpo4j.config.RunConfig;
import io.grpo4j.config.SamplingParams;
import io.grpo4j.data.DataCursor;
import io.grpo4j.data.Datasets;
import io.grpo4j.data.Problem;
import io.grpo4j.data.ProblemStream;
import io.grpo4j.data.Split;
import io.grpo4j.data.PromptTemplate;
import io.grpo4j.data.PromptTemplates;
import io.grpo4j.eval.Evaluator;
import io.grpo4j.generate.RolloutGenerator;
import io.grpo4j.grpo.AdamW;
import io.grpo4j.grpo.EntropyController;
import io.grpo4j.grpo.PolicyUpdate;
import io.grpo4j.grpo.UpdateStats;
import io.grpo4j.model.Decoder;
import io.grpo4j.model.ModelWeights;
import io.grpo4j.model.io.ModelDirectory;
import io.grpo4j.report.HtmlReport;
import io.grpo4j.reward.RuleSet;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

/**
 * An RL run: the one training loop ({@link #run()}), plus set-up, checkpoints and resume.
 * Everything it writes goes to the run directory (see design.md §4).
 */
public final class GrpoTrainer implements AutoCloseable {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final PrintStream LOG = System.err;

    private final RunConfig config;
    private final Path runDir;
    private final NDManager root;
    private final Policy.Loaded policy;
    private final ModelWeights reference; // null when β = 0
    private final Decoder policyDecoder;
    private final Decoder referenceDecoder;
    private final RuleSet rules;
    private final Rollouts rollouts;
    private final ProblemStream stream;
    private final List<Problem> evalProblems;
    private final PromptTemplate template;
    private final AdamW optimizer;
    private final PolicyUpdate update;
    private final Checkpoints checkpoints;
    private final JsonlLog metricsLog;
    private final JsonlLog rolloutsLog;
    private final JsonlLog evalLog;
    private TrainerState state;
    private volatile boolean stopRequested;
    private static volatile boolean interruptedBySignal;

    /** Whether a run was stopped by Ctrl-C / SIGTERM (the JVM is shutting down). */
    public static boolean interrupted() {
        return interruptedBySignal;
    }

    private GrpoTrainer(RunConfig config, Path baseDir, Path runDir, Path resumeFrom) throws IOException {
        this.config = config;
        this.runDir = runDir;
        this.root = NDManager.newBaseManager(Devices.pick(config.model().device()));
        try {
            Files.createDirectories(runDir);
            // Weights: the initial policy, then (on resume) the checkpoint's values over it.
            this.policy = Policy.initial(config.model(), baseDir, runDir, root);
            this.reference = config.grpo().beta() > 0 ? frozenCopy(policy.weights()) : null;
            if (resumeFrom != null) {
                try (ModelWeights saved = ModelDirectory.loadWeights(resumeFrom, policy.weights().config(), root)) {
                    for (Map.Entry<String, NDArray> e : policy.weights().all().entrySet()) {
                        e.getValue().set(saved.get(e.getKey()).toFloatArray());
                    }
                }
            }
            for (NDArray p : policy.weights().all().values()) {
                p.setRequiresGradient(true);
            }
            this.policyDecoder = new Decoder(policy.weights());
            this.referenceDecoder = reference == null ? null : new Decoder(reference);
            Path rewardsDir = baseDir.resolve("rewards");
            this.rules = RuleSet.load(config.rewards().rules(), rewardsDir);
            this.template = template(config, policy.tokenizer());
            Split split = Datasets.split(config.data().train(), baseDir);
            this.evalProblems = evalProblems(config, split, baseDir);
            this.stream = new ProblemStream(split.train(), config.run().seed());
            this.rollouts = new Rollouts(policy.tokenizer(), template, rules, config.grpo());
            this.optimizer = new AdamW(policy.weights().all(), config.optim().beta1(), config.optim().beta2(),
                    config.optim().eps(), config.optim().weightDecay(), root);
            this.update = new PolicyUpdate(policyDecoder, referenceDecoder, optimizer, config.grpo(),
                    config.sampling().temperature(), config.sampling().maxNewTokens(), 16384)
                    .withMaxGradNorm(config.optim().maxGradNorm());
            this.checkpoints = new Checkpoints(runDir.resolve("checkpoints"));
            this.metricsLog = new JsonlLog(runDir.resolve("metrics.jsonl"));
            this.rolloutsLog = new JsonlLog(runDir.resolve("rollouts.jsonl"));
            this.evalLog = new JsonlLog(runDir.resolve("eval.jsonl"));
            this.state = new TrainerState(TrainerState.FORMAT_VERSION, 0, 0, 0, 0, 0, 0, config.grpo().entropyCoef());
        } catch (IOException | RuntimeException e) {
            root.close();
            throw e;
        }
    }

    /** The prompt template of a run: data.template, rendered with the tokenizer's chat template where it names one. */
    static PromptTemplate template(RunConfig config, io.grpo4j.model.tokenizer.Tokenizer tokenizer) {
        String system = config.data().systemPrompt();
        return PromptTemplates.of(config.data().template(), config.data().prefillThink(),
                tokenizer.chatTemplate() == null ? null : (msgs, gen) -> tokenizer.chatTemplate().render(
                        msgs.stream().map(m -> Map.of("role", m.role(),
                                // data.system_prompt replaces the template's default system message
                                "content", system != null && m.role().equals("system") ? system : m.content())).toList(), gen));
    }

    /** The held-out problems: data.eval, else the train spec's held-out split; at most data.eval_limit. */
    static List<Problem> evalProblems(RunConfig config, Split split, Path baseDir) {
        List<Problem> eval = config.data().eval() != null ? Datasets.load(config.data().eval(), baseDir) : split.eval();
        return config.data().evalLimit() > 0 && eval.size() > config.data().evalLimit() ? eval.subList(0, config.data().evalLimit()) : eval;
    }

    /** A new run in {@code run.output_dir/run.name}; refuses to overwrite a run that has checkpoints. */
    public static GrpoTrainer create(RunConfig config, Path baseDir) throws IOException {
        Path runDir = baseDir.resolve(config.run().outputDir()).resolve(config.run().name()).toAbsolutePath().normalize();
        if (new Checkpoints(runDir.resolve("checkpoints")).latest().isPresent()) {
            throw new IllegalArgumentException("run directory " + runDir + " already holds a run: continue it with --resume "
                    + runDir + " or pick another name with --set run.name=NAME");
        }
        if (Files.isDirectory(runDir)) {
            for (String f : new String[] {"metrics.jsonl", "rollouts.jsonl", "eval.jsonl"}) {
                Files.deleteIfExists(runDir.resolve(f)); // leftovers of a run that never checkpointed
            }
        }
        Files.createDirectories(runDir);
        Files.writeString(runDir.resolve("config.json"), ConfigLoader.toJson(config));
        Files.writeString(runDir.resolve("base_dir.txt"), baseDir.toAbsolutePath().normalize().toString());
        return new GrpoTrainer(config, baseDir, runDir, null);
    }

    /** Continues the run in {@code runDir} from its newest checkpoint, exactly. */
    public static GrpoTrainer resume(Path runDir, List<String> overrides) throws IOException {
        Path dir = runDir.toAbsolutePath().normalize();
        Path cfgFile = dir.resolve("config.json");
        if (!Files.isRegularFile(cfgFile)) {
            throw new IOException("no config.json in " + dir + ": --resume takes a run directory (runs/NAME)");
        }
        RunConfig config = ConfigLoader.load(cfgFile, overrides);
        Path baseDir = Files.isRegularFile(dir.resolve("base_dir.txt"))
                ? Path.of(Files.readString(dir.resolve("base_dir.txt")).trim()) : Path.of("");
        Checkpoints cps = new Checkpoints(dir.resolve("checkpoints"));
        Path latest = cps.latest().orElseThrow(() -> new IOException(
                "no checkpoint in " + cps.root() + ": nothing to resume (start it again without --resume)"));
        TrainerState saved = JSON.readValue(latest.resolve("trainer-state.json").toFile(), TrainerState.class);
        if (saved.formatVersion() != TrainerState.FORMAT_VERSION) {
            throw new IOException(latest + "/trainer-state.json has format " + saved.formatVersion() + ", this grpo4j reads "
                    + TrainerState.FORMAT_VERSION + ": resume with the grpo4j version that wrote it");
        }
        // Logs: drop a half-written last line and anything past the checkpoint.
        for (String f : new String[] {"metrics.jsonl", "rollouts.jsonl", "eval.jsonl"}) {
            JsonlLog.repairAndTruncate(dir.resolve(f), saved.step() + 1);
        }
        GrpoTrainer t = new GrpoTrainer(config, baseDir, dir, latest);
        t.restore(latest, saved);
        LOG.printf("grpo4j: resumed %s from %s (step %d)%n", dir, latest.getFileName(), saved.step());
        return t;
    }

    private void restore(Path checkpoint, TrainerState saved) throws IOException {
        try (NDManager m = root.newSubManager();
                io.grpo4j.model.io.SafetensorsFile f = new io.grpo4j.model.io.SafetensorsFile(checkpoint.resolve("optimizer.safetensors"))) {
            Map<String, float[]> moments = new java.util.HashMap<>();
            for (String name : f.entries().keySet()) {
                java.nio.FloatBuffer b = f.readFloat32(name);
                float[] v = new float[b.remaining()];
                b.get(v);
                moments.put(name, v);
            }
            optimizer.restore(moments, saved.optimizerStep());
        }
        stream.restore(new DataCursor(saved.epoch(), saved.position()));
        state = saved;
    }

    /** The frozen reference: a copy of the initial weights in its own manager, never trained. */
    private ModelWeights frozenCopy(ModelWeights w) {
        NDManager m = root.newSubManager();
        Map<String, NDArray> copy = new java.util.LinkedHashMap<>();
        for (Map.Entry<String, NDArray> e : w.all().entrySet()) {
            NDArray a = m.create(e.getValue().toFloatArray(), e.getValue().getShape());
            a.setName(e.getKey());
            copy.put(e.getKey(), a);
        }
        return new ModelWeights(w.config(), m, copy);
    }

    public Path runDirectory() {
        return runDir;
    }

    private Progress progress = new Progress(LOG, false, 0, 0);

    /** The training loop. */
    public RunSummary run() throws IOException {
        int maxSteps = config.run().maxSteps();
        long started = System.nanoTime();
        Thread main = Thread.currentThread();
        Thread hook = new Thread(() -> {
            stopRequested = true; // Ctrl-C: finish the step, checkpoint, exit
            interruptedBySignal = true;
            try {
                main.join(120_000);
            } catch (InterruptedException ignored) {
                Thread.currentThread().interrupt();
            }
        });
        Runtime.getRuntime().addShutdownHook(hook);
        String stopReason = null;
        progress = new Progress(LOG, Progress.isTerminal(), maxSteps, state.step());
        try {
            Banner.print(LOG, config, policy.weights(), runDir, evalProblems.size());
            if (state.step() == 0 && config.run().evalEvery() > 0 && !evalProblems.isEmpty()) {
                evaluate(0);
            }
            while (state.step() < maxSteps) {
                int step = state.step() + 1;
                double lr = config.optim().lrAt(state.step(), maxSteps);
                long t0 = System.nanoTime();
                // 1. sample G completions for each prompt, score them, group-relative advantages
                StepBatch batch;
                try (Decoder sampler = policyDecoder.forInference()) {
                    RolloutGenerator gen = new RolloutGenerator(sampler, ids -> policy.tokenizer().decode(ids, true),
                            policy.tokenizer().eosTokenIds());
                    batch = rollouts.collect(gen, stream, config.sampling(), config.run().seed(), step);
                }
                long t1 = System.nanoTime();
                // 2. policy update: μ passes of clipped-surrogate minibatch steps (none without signal)
                // adapted: the saved weight carries on; fixed: the config's (a --set on resume takes effect)
                double entropyCoef = config.grpo().entropyTarget() > 0 ? state.entropyCoef() : config.grpo().entropyCoef();
                UpdateStats u = batch.hasSignal() ? update.run(batch.episodes(), lr, entropyCoef) : noUpdate();
                long t2 = System.nanoTime();
                // 3. log metrics and monologues
                double rolloutS = (t1 - t0) / 1e9 - batch.rewardSeconds();
                ObjectNode metrics = StepMetrics.of(step, batch, u, rules, config.sampling().maxNewTokens(), lr, rolloutS,
                        batch.rewardSeconds(), (t2 - t1) / 1e9);
                metrics.put("entropy_coef", entropyCoef);
                metricsLog.append(metrics);
                rolloutsLog.append(RolloutRecords.of(step, batch, config.run().rolloutsPerStep(), config.run().seed()));
                progress.step(step, metrics, (t2 - t0) / 1e9);
                if (config.run().logCompletionsEvery() > 0 && step % config.run().logCompletionsEvery() == 0) {
                    MonologueTable.render(batch, 4, config.grpo().numGenerations()).forEach(progress::println);
                }
                int nonFinite = u.skippedNonFinite() > 0 && u.optimizerSteps() == 0 ? state.consecutiveNonFinite() + 1 : 0;
                DataCursor cursor = stream.cursor();
                state = new TrainerState(TrainerState.FORMAT_VERSION, step, cursor.epoch(), cursor.position(), nonFinite,
                        state.skippedNonFinite() + u.skippedNonFinite(), optimizer.stepCount(),
                        config.grpo().entropyTarget() > 0
                                ? EntropyController.next(entropyCoef, u.bonusEntropy(), config.grpo().entropyTarget()) : entropyCoef);
                // 4. evaluate and checkpoint on schedule
                boolean last = step == maxSteps;
                if (config.run().evalEvery() > 0 && !evalProblems.isEmpty() && (step % config.run().evalEvery() == 0 || last)) {
                    evaluate(step);
                }
                if (nonFinite >= config.optim().skipNonfiniteLimit()) {
                    stopReason = nonFinite + " non-finite gradient norms in a row; the last good checkpoint is kept";
                    break;
                }
                boolean timeUp = config.run().timeLimitMinutes() > 0
                        && (System.nanoTime() - started) / 6e10 >= config.run().timeLimitMinutes();
                if (last || stopRequested || timeUp
                        || (config.run().checkpointEvery() > 0 && step % config.run().checkpointEvery() == 0)) {
                    checkpoint();
                }
                if (stopRequested || timeUp) {
                    stopReason = stopRequested ? "interrupted" : "time limit reached";
                    break;
                }
            }
        } finally {
            try {
                Runtime.getRuntime().removeShutdownHook(hook);
            } catch (IllegalStateException shuttingDown) {
                // the JVM is already exiting (Ctrl-C): the hook waits for us
            }
        }
        progress.finish();
        if (reportedStep != state.step()) {
            writeReport();
        }
        boolean completed = state.step() >= maxSteps;
        Banner.finish(LOG, runDir, state.step(), completed, stopReason);
        return new RunSummary(runDir, state.step(), completed, stopReason);
    }

    private static UpdateStats noUpdate() {
        return new UpdateStats(0, 0, Double.NaN, 0, 0, Double.NaN, Double.NaN, Double.NaN, 0, 0, Double.NaN);
    }

    private void evaluate(int step) throws IOException {
        long t0 = System.nanoTime();
        SamplingParams greedy = config.sampling().withTemperature(0f);
        Evaluator.Result r;
        try (Decoder sampler = policyDecoder.forInference()) {
            RolloutGenerator gen = new RolloutGenerator(sampler, ids -> policy.tokenizer().decode(ids, true),
                    policy.tokenizer().eosTokenIds());
            r = new Evaluator(gen, policy.tokenizer(), rules, 256).evaluate(evalProblems, template, greedy);
        }
        ObjectNode o = JSON.createObjectNode();
        o.put("step", step);
        o.put("dataset", config.data().eval() != null ? config.data().eval().path() : config.data().train().path() + " (held out)");
        o.put("problems", r.problems());
        StepMetrics.put(o, "pass@1", r.passAt1());
        StepMetrics.put(o, "mean_reward", r.meanReward());
        StepMetrics.put(o, "format_rate", r.formatRate());
        o.put("time_s", (System.nanoTime() - t0) / 1e9);
        evalLog.append(o);
        progress.println(String.format(java.util.Locale.ROOT, "eval  step %d: pass@1 %.3f  format %.3f  mean reward %.3f  (%d problems, greedy)",
                step, r.passAt1(), r.formatRate(), r.meanReward(), r.problems()));
    }

    private void checkpoint() throws IOException {
        checkpoints.save(state.step(), dir -> {
            ModelDirectory.save(dir, policy.weights(), policy.tokenizerDir());
            Map<String, io.grpo4j.model.io.SafetensorsWriter.Tensor> moments = new java.util.LinkedHashMap<>();
            optimizer.state().forEach((k, a) -> moments.put(k,
                    new io.grpo4j.model.io.SafetensorsWriter.Tensor(a.getShape().getShape(), a::toFloatArray)));
            io.grpo4j.model.io.SafetensorsWriter.write(dir.resolve("optimizer.safetensors"), moments);
            Files.writeString(dir.resolve("trainer-state.json"), JSON.writerWithDefaultPrettyPrinter().writeValueAsString(state));
        }, config.run().keepCheckpoints());
        writeReport();
    }

    private int reportedStep = -1;

    /** report.html, rewritten at every checkpoint and at the end; a failure warns and training goes on. */
    private void writeReport() {
        try {
            HtmlReport.write(runDir);
            reportedStep = state.step();
        } catch (IOException | RuntimeException e) {
            progress.println("grpo4j: warning: report.html not written: " + e.getMessage());
        }
    }

    @Override
    public void close() throws IOException {
        metricsLog.close();
        rolloutsLog.close();
        evalLog.close();
        rules.close();
        policy.tokenizer().close();
        if (referenceDecoder != null) {
            referenceDecoder.close();
        }
        policyDecoder.close();
        root.close();
    }
}
