package io.grpo4j.cli;

import java.util.concurrent.Callable;
import picocli.CommandLine.Command;

@Command(name = "eval", mixinStandardHelpOptions = true, description = "pass@1 / pass@k / maj@k and mean reward of a model on a dataset.")
final class EvalCommand implements Callable<Integer> {
    @Override
    public Integer call() {
        throw new UserError("'eval' is not implemented yet");
    }
}
