package io.grpo4j.cli;

import picocli.CommandLine;
import picocli.CommandLine.Command;

@Command(
        name = "bench",
        mixinStandardHelpOptions = true,
        description = "Measure rollout and training throughput.",
        subcommands = {BenchRolloutCommand.class, BenchTrainCommand.class, BenchScoreCommand.class, BenchLoadCommand.class,
            BenchCeilingCommand.class})
final class BenchCommand implements Runnable {
    @CommandLine.Spec CommandLine.Model.CommandSpec spec;

    @Override
    public void run() {
        spec.commandLine().usage(System.err);
    }
}
