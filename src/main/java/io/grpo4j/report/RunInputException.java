package io.grpo4j.report;

/**
 * A run directory or run file that cannot be read as expected (missing, empty, not JSON). The
 * message names the file and says what to do; the command line prints it as one line.
 */
public final class RunInputException extends IllegalArgumentException {
    public RunInputException(String message) {
        super(message);
    }
}
