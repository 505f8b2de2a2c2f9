package io.grpo4j.data;

import java.util.List;

/**
 * What a generator made: a training set and a test set that share no question.
 *
 * @param train training problems
 * @param test test problems, distinct from each other and from every training problem; empty
 *     when none were asked for
 */
public record GeneratedSets(List<Problem> train, List<Problem> test) {
    public GeneratedSets {
        train = List.copyOf(train);
        test = List.copyOf(test);
    }
}
