package io.grpo4j.cli;

/** A problem the user can fix (bad option combination, missing file): printed without a trace. */
public final class UserError extends RuntimeException {
    public UserError(String message) {
        super(message);
    }
}
