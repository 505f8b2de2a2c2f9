package io.grpo4j.cli;

import io.grpo4j.report.HtmlReport;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

@Command(name = "report", mixinStandardHelpOptions = true,
        description = {"Write the HTML report of a run: curves over steps and a monologue browser, in one file that works offline.",
            "Prints the path of the written file."})
final class ReportCommand implements Callable<Integer> {
    @Parameters(paramLabel = "RUN", description = "Run directory (runs/NAME).") Path run;

    @Option(names = "--out", paramLabel = "FILE", description = "Where to write (default: RUN/report.html).") Path out;

    @Override
    public Integer call() throws Exception {
        Path file = HtmlReport.write(run, out != null ? out : run.resolve(HtmlReport.FILE_NAME),
                warning -> System.err.println("warning: " + warning));
        System.out.println(file);
        return 0;
    }
}
