package io.grpo4j.cli;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.grpo4j.config.ConfigLoader;
import io.grpo4j.config.RunConfig;
import io.grpo4j.train.SupervisedCeiling;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

@Command(name = "ceiling", mixinStandardHelpOptions = true,
        description = {"The supervised ceiling of a run config: train its initial model on the gold answers of its",
            "training problems (prompts_per_step x num_generations per step, through the same update code) and",
            "print greedy held-out pass@1 as one JSON line per evaluation. A diagnostic: what the model can learn",
            "when shown the answers, an upper bound for RL with the same model and examples.",
            "Example: grpo4j bench ceiling --steps 600 --eval-every 100"})
final class BenchCeilingCommand implements Callable<Integer> {
    @Option(names = "--config", paramLabel = "FILE", description = "Run config (JSON or YAML); default: the embedded default run.")
    Path config;

    @Option(names = "--set", paramLabel = "KEY=VALUE", description = "Override a config value (repeatable).")
    List<String> overrides = new ArrayList<>();

    @Option(names = "--steps", defaultValue = "600", description = "Optimizer steps (default: ${DEFAULT-VALUE}).")
    int steps;

    @Option(names = "--eval-every", defaultValue = "100", description = "Evaluate every this many steps (default: ${DEFAULT-VALUE}).")
    int evalEvery;

    @Option(names = "--completion", paramLabel = "TEXT",
            description = "Gold completion with {answer} (default: </think><answer>{answer}</answer>, with <think> first when the prompt does not pre-fill it).")
    String completion;

    @Override
    public Integer call() throws Exception {
        if (steps < 1 || evalEvery < 1) {
            throw new UserError("--steps and --eval-every must be >= 1, got " + steps + " and " + evalEvery);
        }
        RunConfig rc = ConfigLoader.load(config, overrides);
        Path base = config == null ? Home.dir() : Path.of("");
        String format = completion != null ? completion : SupervisedCeiling.defaultCompletion(rc);
        ObjectMapper om = new ObjectMapper();
        SupervisedCeiling.run(rc, base, steps, evalEvery, format, p -> {
            ObjectNode o = om.createObjectNode();
            o.put("step", p.step());
            o.put("examples", p.examples());
            o.put("pass@1", p.passAt1());
            o.put("format_rate", p.formatRate());
            o.put("seconds", Math.round(p.seconds() * 10) / 10.0);
            o.put("nproc", Runtime.getRuntime().availableProcessors());
            System.out.println(o);
        });
        return 0;
    }
}
