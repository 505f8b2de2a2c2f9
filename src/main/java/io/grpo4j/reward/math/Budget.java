package io.grpo4j.reward.math;

import java.util.function.Supplier;

/**
 * A cooperative time bound for the current thread. {@link #within} sets a deadline; loops in the
 * parsers, evaluators and {@link BoundedText} call {@link #check()}, which throws {@link
 * LimitExceeded#timeout()} once the deadline has passed. Without an active deadline, checks pass.
 */
public final class Budget {
    private static final long NONE = Long.MAX_VALUE;

    /** Per thread: {deadline in System.nanoTime() units, or NONE}. One array, reused, no allocation per check. */
    private static final ThreadLocal<long[]> DEADLINE = ThreadLocal.withInitial(() -> new long[] {NONE});

    private Budget() {}

    /** Runs {@code work} with a deadline {@code timeoutNanos} from now (nested calls keep the earlier deadline). */
    public static <T> T within(long timeoutNanos, Supplier<T> work) {
        long[] slot = DEADLINE.get();
        long previous = slot[0];
        long deadline = System.nanoTime() + timeoutNanos;
        if (previous == NONE || deadline - previous < 0) {
            slot[0] = deadline;
        }
        try {
            return work.get();
        } finally {
            slot[0] = previous;
        }
    }

    /** Throws {@link LimitExceeded#timeout()} if the current thread's deadline has passed. */
    public static void check() {
        long deadline = DEADLINE.get()[0];
        if (deadline != NONE && System.nanoTime() - deadline > 0) {
            throw LimitExceeded.timeout();
        }
    }
}
