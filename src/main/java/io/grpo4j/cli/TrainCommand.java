package io.grpo4j.cli;

import io.grpo4j.config.ConfigLoader;
import io.grpo4j.config.RunConfig;
import io.grpo4j.train.GrpoTrainer;
import io.grpo4j.train.RunSummary;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

@Command(
        name = "train",
        mixinStandardHelpOptions = true,
        description = {
            "Launch or continue an RL run.",
            "Without arguments: the embedded default run (a small model learns arithmetic from scratch by pure RL).",
        },
        footer = {
            "",
            "Examples:",
            "  grpo4j train",
            "  grpo4j train --config configs/gsm8k-qwen2.5-0.5b.json --set grpo.beta=0.04",
            "  grpo4j train --resume runs/default",
        })
final class TrainCommand implements Callable<Integer> {
    @Option(names = "--config", paramLabel = "FILE", description = "Run config (JSON or YAML); default: the embedded default run.")
    Path config;

    @Option(names = "--set", paramLabel = "KEY=VALUE", description = "Override a config value, e.g. --set grpo.beta=0.04 (repeatable).")
    List<String> overrides = new ArrayList<>();

    @Option(names = "--resume", paramLabel = "RUN", description = "Continue the run in this run directory from its last checkpoint.")
    Path resume;

    @Option(names = "--device", paramLabel = "auto|cpu|gpu", description = "Shorthand for --set model.device=...")
    String device;

    @Override
    public Integer call() throws Exception {
        List<String> sets = new ArrayList<>(overrides);
        if (device != null) {
            sets.add("model.device=" + device);
        }
        RunSummary summary;
        if (resume != null) {
            if (config != null) {
                throw new UserError("--resume continues a run with its own saved config; drop --config (use --set to change values)");
            }
            try (GrpoTrainer t = GrpoTrainer.resume(resume, sets)) {
                summary = t.run();
            }
        } else {
            RunConfig rc = ConfigLoader.load(config, sets);
            Path base = config == null ? Home.dir() : Path.of("");
            try (GrpoTrainer t = GrpoTrainer.create(rc, base)) {
                summary = t.run();
            }
        }
        System.out.println(summary.runDirectory());
        return summary.completed() ? 0 : 3;
    }
}
