package io.grpo4j.cli;

import picocli.CommandLine;

/**
 * Turns the exceptions a user can cause (bad files, bad values) into one clear line on stderr
 * and exit code 1, without a stack trace; anything else keeps its stack trace.
 */
final class ErrorHandler implements CommandLine.IExecutionExceptionHandler {
    @Override
    public int handleExecutionException(
            Exception e, CommandLine cl, CommandLine.ParseResult parseResult) {
        if (e instanceof UserError || e instanceof IllegalArgumentException
                || e instanceof java.io.IOException || e instanceof java.io.UncheckedIOException) {
            cl.getErr().println("grpo4j " + cl.getCommandName() + ": " + e.getMessage());
            if (System.getenv("GRPO4J_DEBUG") != null) {
                e.printStackTrace(cl.getErr());
            }
            return 1;
        }
        e.printStackTrace(cl.getErr());
        return 1;
    }
}
