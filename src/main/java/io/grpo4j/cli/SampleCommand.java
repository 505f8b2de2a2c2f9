package io.grpo4j.cli;

import java.util.concurrent.Callable;
import picocli.CommandLine.Command;

@Command(name = "sample", mixinStandardHelpOptions = true, description = "Generate completions from a model directory.")
final class SampleCommand implements Callable<Integer> {
    @Override
    public Integer call() {
        throw new UserError("'sample' is not implemented yet");
    }
}
