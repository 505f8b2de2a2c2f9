package io.grpo4j.reward;

import java.util.List;

/**
 * A rule that scores a whole batch at once (an external process), bounding its own time.
 * Failures (timeouts, crashes, bad replies) come back as NaN with a reason and are counted.
 */
public interface BatchRewardRule extends RewardRule, AutoCloseable {
    /** One score per input, in input order; never throws for a failure of the scorer. */
    List<RuleScore> scoreBatch(List<RewardInput> inputs);

    /** How many evaluations failed so far (timeouts, crashes, unreadable replies). */
    long failures();

    /** Stops whatever the rule started. */
    @Override
    void close();
}
