package io.grpo4j.reward.math;

/**
 * A view of a string for {@link java.util.regex.Matcher} that checks the thread's {@link Budget}
 * every few thousand character reads, so a pattern that backtracks forever on hostile text stops
 * with "timeout" instead of hanging the run.
 */
public final class BoundedText implements CharSequence {
    private static final int CHECK_EVERY = 4096;

    private final String text;
    private final int start;
    private final int end;
    private int reads;

    public BoundedText(String text) {
        this(text, 0, text.length());
    }

    private BoundedText(String text, int start, int end) {
        this.text = text;
        this.start = start;
        this.end = end;
    }

    @Override
    public char charAt(int index) {
        if (++reads >= CHECK_EVERY) {
            reads = 0;
            Budget.check();
        }
        return text.charAt(start + index);
    }

    @Override
    public int length() {
        return end - start;
    }

    @Override
    public CharSequence subSequence(int from, int to) {
        return new BoundedText(text, start + from, start + to);
    }

    @Override
    public String toString() {
        return text.substring(start, end);
    }
}
