package io.grpo4j.data;

import java.util.Random;

/** Seeded permutations; java.util.Random's sequence is fixed by its spec, so orders are reproducible on any JVM. */
final class Shuffle {
    private Shuffle() {}

    /** A uniformly random permutation of 0..n-1 (Fisher–Yates). */
    static int[] permutation(int n, Random random) {
        int[] order = new int[n];
        for (int i = 0; i < n; i++) {
            order[i] = i;
        }
        for (int i = n - 1; i > 0; i--) {
            int j = random.nextInt(i + 1);
            int t = order[i];
            order[i] = order[j];
            order[j] = t;
        }
        return order;
    }
}
