package io.grpo4j.data;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;

/**
 * Endless, seeded iteration over problems: each epoch visits every problem once in an order
 * shuffled with a seed derived from {@code (seed, epoch)} only, so the order of any epoch can be
 * rebuilt from the {@link DataCursor} alone and a restored stream continues exactly where the
 * saved one stood.
 */
public final class ProblemStream {
    /** Odd 64-bit constant (golden ratio) that spreads consecutive epochs over unrelated seeds. */
    private static final long EPOCH_MIX = 0x9E3779B97F4A7C15L;

    private final List<Problem> problems;
    private final long seed;
    private int epoch;
    private int position;
    private int[] order; // shuffled indices of the current epoch

    /** @param problems the problems to cycle through (at least one) */
    public ProblemStream(List<Problem> problems, long seed) {
        if (problems.isEmpty()) {
            throw new IllegalArgumentException("cannot stream an empty list of problems: the dataset gave none");
        }
        this.problems = List.copyOf(problems);
        this.seed = seed;
        restore(DataCursor.START);
    }

    /** The next {@code n} problems, crossing into the next epoch (freshly shuffled) when one ends. */
    public List<Problem> next(int n) {
        if (n < 0) {
            throw new IllegalArgumentException("cannot take " + n + " problems");
        }
        List<Problem> batch = new ArrayList<>(n);
        for (int i = 0; i < n; i++) {
            batch.add(problems.get(order[position]));
            position++;
            if (position == order.length) {
                epoch++;
                position = 0;
                order = epochOrder(epoch);
            }
        }
        return batch;
    }

    /** Where the stream stands now; {@link #restore} with it replays the same problems. */
    public DataCursor cursor() {
        return new DataCursor(epoch, position);
    }

    public void restore(DataCursor c) {
        if (c.position() >= problems.size()) {
            throw new IllegalArgumentException("data cursor position " + c.position() + " is past the " + problems.size()
                    + " problems of this dataset: the checkpoint was saved with a different dataset or limit");
        }
        epoch = c.epoch();
        position = c.position();
        order = epochOrder(epoch);
    }

    public int size() {
        return problems.size();
    }

    private int[] epochOrder(int e) {
        return Shuffle.permutation(problems.size(), new Random(seed ^ (EPOCH_MIX * (e + 1L))));
    }
}
