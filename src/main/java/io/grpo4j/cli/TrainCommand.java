package io.grpo4j.cli;

import java.util.concurrent.Callable;
import picocli.CommandLine.Command;

@Command(name = "train", mixinStandardHelpOptions = true, description = "Launch or continue an RL run (no arguments: the embedded default run).")
final class TrainCommand implements Callable<Integer> {
    @Override
    public Integer call() {
        throw new UserError("'train' is not implemented yet");
    }
}
