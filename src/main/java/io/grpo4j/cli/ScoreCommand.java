package io.grpo4j.cli;

import java.util.concurrent.Callable;
import picocli.CommandLine.Command;

@Command(name = "score", mixinStandardHelpOptions = true, description = "Score completions with reward rules: JSONL in, JSONL out.")
final class ScoreCommand implements Callable<Integer> {
    @Override
    public Integer call() {
        throw new UserError("'score' is not implemented yet");
    }
}
