package io.grpo4j.config;

/** Validation helper for compact constructors. */
final class Checks {
    private Checks() {}

    static void require(boolean ok, String message) {
        if (!ok) {
            throw new IllegalArgumentException(message);
        }
    }
}
