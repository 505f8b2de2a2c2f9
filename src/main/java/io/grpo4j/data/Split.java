package io.grpo4j.data;

import java.util.List;

/**
 * Training and evaluation problems of one dataset spec, each in file order.
 *
 * @param train problems to train on
 * @param eval held-out problems (from {@code eval_path} or {@code eval_fraction}); empty when the
 *     spec sets neither
 */
public record Split(List<Problem> train, List<Problem> eval) {
    public Split {
        train = List.copyOf(train);
        eval = List.copyOf(eval);
    }
}
