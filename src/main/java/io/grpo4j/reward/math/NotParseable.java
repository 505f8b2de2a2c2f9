package io.grpo4j.reward.math;

/** The text is not an expression the {@link ExprParser} understands; it will be compared as text. */
public final class NotParseable extends Exception {
    public NotParseable(String message) {
        super(message, null, false, false);
    }
}
