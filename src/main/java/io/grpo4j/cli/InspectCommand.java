package io.grpo4j.cli;

import java.util.concurrent.Callable;
import picocli.CommandLine.Command;

@Command(name = "inspect", mixinStandardHelpOptions = true, description = "Browse the sampled monologues of a run in the terminal.")
final class InspectCommand implements Callable<Integer> {
    @Override
    public Integer call() {
        throw new UserError("'inspect' is not implemented yet");
    }
}
