package io.grpo4j.reward.math;

/**
 * Thrown when an evaluation passes a time or size bound; its message is the reason that ends up in
 * the score ("timeout" or "too large"). Carries no stack trace: it is an expected outcome on
 * hostile input, not a bug.
 */
public final class LimitExceeded extends RuntimeException {
    public static final String TIMEOUT = "timeout";
    public static final String TOO_LARGE = "too large";

    private LimitExceeded(String reason) {
        super(reason, null, false, false);
    }

    public static LimitExceeded timeout() {
        return new LimitExceeded(TIMEOUT);
    }

    public static LimitExceeded tooLarge() {
        return new LimitExceeded(TOO_LARGE);
    }
}
