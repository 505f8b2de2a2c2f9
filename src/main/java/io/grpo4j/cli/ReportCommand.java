package io.grpo4j.cli;

import java.util.concurrent.Callable;
import picocli.CommandLine.Command;

@Command(name = "report", mixinStandardHelpOptions = true, description = "Write the HTML report of a run.")
final class ReportCommand implements Callable<Integer> {
    @Override
    public Integer call() {
        throw new UserError("'report' is not implemented yet");
    }
}
