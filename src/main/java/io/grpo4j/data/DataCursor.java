package io.grpo4j.data;

/**
 * Where a {@link ProblemStream} stands: the next problem is number {@code position} of epoch
 * {@code epoch}'s order. Saved in checkpoints so a resumed run sees the same problems next.
 *
 * @param epoch 0-based pass over the problems
 * @param position 0-based index into that epoch's shuffled order
 */
public record DataCursor(int epoch, int position) {
    public DataCursor {
        if (epoch < 0 || position < 0) {
            throw new IllegalArgumentException("data cursor must have epoch >= 0 and position >= 0, got (" + epoch + ", " + position + ")");
        }
    }

    public static final DataCursor START = new DataCursor(0, 0);
}
