package io.grpo4j.cli;

import java.util.concurrent.Callable;
import picocli.CommandLine.Command;

@Command(name = "init-model", mixinStandardHelpOptions = true, description = "Create a randomly initialised model directory (Hugging Face format).")
final class InitModelCommand implements Callable<Integer> {
    @Override
    public Integer call() {
        throw new UserError("'init-model' is not implemented yet");
    }
}
