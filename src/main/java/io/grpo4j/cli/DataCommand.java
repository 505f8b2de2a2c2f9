package io.grpo4j.cli;

import picocli.CommandLine;
import picocli.CommandLine.Command;

@Command(
        name = "data",
        mixinStandardHelpOptions = true,
        description = "Generate problem sets (arithmetic, countdown).",
        subcommands = {DataArithmeticCommand.class, DataCountdownCommand.class})
final class DataCommand implements Runnable {
    @CommandLine.Spec CommandLine.Model.CommandSpec spec;

    @Override
    public void run() {
        spec.commandLine().usage(System.err);
    }
}
