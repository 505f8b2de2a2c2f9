package io.grpo4j.cli;

import picocli.CommandLine;
import picocli.CommandLine.Command;

/**
 * Entry point of the {@code grpo4j} command line. Each subcommand parses its options, builds a
 * config and calls into the library; nothing else happens here.
 */
@Command(
        name = "grpo4j",
        mixinStandardHelpOptions = true,
        versionProvider = Main.Version.class,
        description = "Teach language models to reason with group-relative policy optimization (GRPO).",
        subcommands = {
            TrainCommand.class,
            EvalCommand.class,
            SampleCommand.class,
            ScoreCommand.class,
            InspectCommand.class,
            ReportCommand.class,
            DataCommand.class,
            InitModelCommand.class,
            BenchCommand.class,
            CommandLine.HelpCommand.class
        })
public final class Main implements Runnable {

    @CommandLine.Spec CommandLine.Model.CommandSpec spec;

    public static void main(String[] args) {
        int code = run(args);
        // After Ctrl-C the JVM is already shutting down and a shutdown hook waits for this thread:
        // System.exit would block forever here, so just return.
        if (!io.grpo4j.train.GrpoTrainer.interrupted()) {
            System.exit(code);
        }
    }

    /** Runs the command line and returns its exit code (2 for usage errors). */
    public static int run(String... args) {
        // The PyTorch engine must never try to download anything: libtorch comes from the jar.
        if (System.getProperty("ai.djl.offline") == null) {
            System.setProperty("ai.djl.offline", "true");
        }
        return commandLine().execute(args);
    }

    /** The configured picocli command line (also used by tests). */
    public static CommandLine commandLine() {
        CommandLine cl = new CommandLine(new Main());
        cl.setExecutionExceptionHandler(new ErrorHandler());
        return cl;
    }

    @Override
    public void run() {
        // No subcommand: show the usage, which is the help a new user needs.
        spec.commandLine().usage(System.err);
    }

    static final class Version implements CommandLine.IVersionProvider {
        @Override
        public String[] getVersion() {
            String v = Main.class.getPackage().getImplementationVersion();
            return new String[] {"grpo4j " + (v == null ? "dev" : v)};
        }
    }
}
