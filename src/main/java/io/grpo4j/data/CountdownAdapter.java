package io.grpo4j.data;

import java.util.List;

/**
 * Countdown rows {@code {"target", "nums"}} (TinyZero's task: reach the target with each number
 * used once). The question is the task in words, the gold answer is the target; the reward rule
 * reads {@code nums} and {@code target} from the columns.
 */
final class CountdownAdapter implements RowAdapter {
    private final FieldMapping mapping;

    CountdownAdapter(FieldMapping mapping) {
        this.mapping = mapping;
    }

    @Override
    public Problem adapt(Row row) {
        long target = row.integer(mapping.answerOr("target"));
        List<Long> nums = row.integers("nums");
        String question = mapping.promptField() != null ? row.text(mapping.promptField()) : question(nums, target);
        return new Problem(RowAdapter.id(row, mapping, "id"), row.source(), question, Long.toString(target), row.columns());
    }

    /** The task in one sentence, e.g. "Using the numbers [3, 7, 25], create an equation that equals 46." */
    static String question(List<Long> nums, long target) {
        return "Using the numbers " + Values.display(nums) + ", create an equation that equals " + target + ".";
    }
}
