package io.grpo4j.data;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;

/**
 * Endless, seeded iteration over problems: each epoch is a fresh shuffle derived from (seed,
 * epoch), so a cursor (epoch, position) restores the exact order after a resume.
 */
public final class ProblemStream {
    private final List<Problem> problems;
    private final long seed;
    private int epoch;
    private int position;
    private int[] order;

    public ProblemStream(List<Problem> problems, long seed) {
        if (problems.isEmpty()) {
            throw new IllegalArgumentException("no problems to iterate over");
        }
        this.problems = List.copyOf(problems);
        this.seed = seed;
        this.order = orderOf(0);
    }

    private int[] orderOf(int e) {
        int[] o = new int[problems.size()];
        for (int i = 0; i < o.length; i++) {
            o[i] = i;
        }
        Random rng = new Random(seed * 1_000_003L + e);
        for (int i = o.length - 1; i > 0; i--) {
            int j = rng.nextInt(i + 1);
            int t = o[i];
            o[i] = o[j];
            o[j] = t;
        }
        return o;
    }

    /** The next {@code n} problems, crossing into the next epoch when needed. */
    public List<Problem> next(int n) {
        List<Problem> out = new ArrayList<>(n);
        while (out.size() < n) {
            if (position == order.length) {
                epoch++;
                position = 0;
                order = orderOf(epoch);
            }
            out.add(problems.get(order[position++]));
        }
        return out;
    }

    public DataCursor cursor() {
        return new DataCursor(epoch, position);
    }

    public void restore(DataCursor c) {
        if (c.position() < 0 || c.position() > problems.size()) {
            throw new IllegalArgumentException("data cursor position " + c.position() + " outside 0.." + problems.size()
                    + ": the dataset changed since the checkpoint");
        }
        epoch = c.epoch();
        position = c.position();
        order = orderOf(epoch);
    }
}
