package io.grpo4j.reward;

import io.grpo4j.reward.math.Budget;
import io.grpo4j.reward.math.LimitExceeded;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Supplier;

/**
 * A rule of a set with its name, weight and bounds. Every evaluation is bounded:
 * <ul>
 *   <li>built-in rules run on the calling thread under a cooperative {@link Budget} deadline;
 *   <li>plugin (Java) rules run on a worker thread and are abandoned after the timeout;
 *   <li>batch (command) rules bound themselves per batch.
 * </ul>
 * Completions longer than {@link #MAX_COMPLETION_CHARS} are not shown to any rule ("too large").
 * A rule that throws, runs out of time or passes a size bound scores NaN with the reason, and the
 * failure is counted; nothing escapes to the caller.
 */
final class BoundRule {
    enum Kind { BUILT_IN, PLUGIN, BATCH }

    /** Default time bound of one in-process evaluation. */
    static final long DEFAULT_TIMEOUT_MS = 250;

    /** Longest completion any rule is shown (4 Mi characters; generation limits are far below). */
    static final int MAX_COMPLETION_CHARS = 1 << 22;

    final String name;
    final double weight;
    final RewardRule rule;
    final Kind kind;
    private final long timeoutNanos;
    private final AtomicLong failures = new AtomicLong();

    BoundRule(String name, double weight, RewardRule rule, Kind kind, Long timeoutMs) {
        this.name = name;
        this.weight = weight;
        this.rule = rule;
        this.kind = kind;
        this.timeoutNanos = (timeoutMs == null ? DEFAULT_TIMEOUT_MS : timeoutMs) * 1_000_000L;
    }

    /** Failed evaluations so far (errors, timeouts, size bounds, command failures). */
    long failures() {
        long own = failures.get();
        return rule instanceof BatchRewardRule b ? own + b.failures() : own;
    }

    /** One score per input, in order; never throws for a rule's failure. */
    List<RuleScore> scoreAll(List<RewardInput> inputs, Supplier<ExecutorService> pluginPool) {
        if (kind == Kind.BATCH) {
            return scoreBatch(inputs);
        }
        List<RuleScore> out = new ArrayList<>(inputs.size());
        for (RewardInput in : inputs) {
            out.add(in.completion().length() > MAX_COMPLETION_CHARS ? failed(LimitExceeded.TOO_LARGE)
                    : kind == Kind.BUILT_IN ? inline(in) : onWorker(in, pluginPool.get()));
        }
        return out;
    }

    private RuleScore inline(RewardInput in) {
        try {
            return checked(Budget.within(timeoutNanos, () -> rule.score(in)));
        } catch (LimitExceeded e) {
            return failed(e.getMessage());
        } catch (StackOverflowError e) {
            return failed(LimitExceeded.TOO_LARGE);
        } catch (RuntimeException e) {
            return failed("error: " + e);
        }
    }

    private RuleScore onWorker(RewardInput in, ExecutorService pool) {
        Future<RuleScore> f = pool.submit(() -> Budget.within(timeoutNanos, () -> rule.score(in)));
        try {
            return checked(f.get(timeoutNanos, TimeUnit.NANOSECONDS));
        } catch (TimeoutException e) {
            f.cancel(true); // the thread may stay stuck in the plugin; it is a daemon and we move on
            return failed(LimitExceeded.TIMEOUT);
        } catch (ExecutionException e) {
            Throwable cause = e.getCause();
            if (cause instanceof LimitExceeded) {
                return failed(cause.getMessage());
            }
            if (cause instanceof StackOverflowError) {
                return failed(LimitExceeded.TOO_LARGE);
            }
            return failed("error: " + cause);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            f.cancel(true);
            return failed("interrupted");
        }
    }

    private List<RuleScore> scoreBatch(List<RewardInput> inputs) {
        List<RewardInput> sendable = new ArrayList<>(inputs.size());
        for (RewardInput in : inputs) {
            if (in.completion().length() <= MAX_COMPLETION_CHARS) {
                sendable.add(in);
            }
        }
        List<RuleScore> scored = ((BatchRewardRule) rule).scoreBatch(sendable);
        if (scored.size() != sendable.size()) {
            throw new IllegalStateException("rule " + name + " returned " + scored.size() + " scores for "
                    + sendable.size() + " inputs");
        }
        List<RuleScore> out = new ArrayList<>(inputs.size());
        int next = 0;
        for (RewardInput in : inputs) {
            out.add(in.completion().length() <= MAX_COMPLETION_CHARS ? checked(scored.get(next++)) : failed(LimitExceeded.TOO_LARGE));
        }
        return out;
    }

    /** A null or infinite score is a bug in the rule: NaN with a reason, counted. */
    private RuleScore checked(RuleScore s) {
        if (s == null) {
            return failed("error: rule returned null");
        }
        if (Double.isInfinite(s.value())) {
            return failed("error: rule returned " + s.value());
        }
        return s;
    }

    private RuleScore failed(String reason) {
        failures.incrementAndGet();
        return RuleScore.notApplicable(reason);
    }
}
