package io.grpo4j.generate;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.Arrays;
import java.util.Comparator;
import java.util.SplittableRandom;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

/** The sort-free kept set against a plain stable sort, on many shapes of distribution. */
class KeptSetTest {
    /** Reference: stable descending sort (ties by smaller id), then the three limits in rank order. */
    static boolean[] sortedKept(float[] p, int topK, float topP, float minP) {
        Integer[] order = IntStream.range(0, p.length).boxed().toArray(Integer[]::new);
        Arrays.sort(order, Comparator.comparingDouble((Integer i) -> -p[i]).thenComparingInt(i -> i));
        float floor = (float) ((double) minP * p[order[0]]);
        boolean[] kept = new boolean[p.length];
        double before = 0;
        for (int rank = 0; rank < p.length; rank++) {
            int id = order[rank];
            kept[id] = (topK <= 0 || rank < topK) && (topP >= 1f || before < topP) && (minP <= 0f || p[id] >= floor);
            before += p[id];
        }
        return kept;
    }

    /** Softmax of logits drawn with the given spread (small: near-uniform; large: peaked), in float32. */
    static float[] softmax(int v, double spread, long seed) {
        SplittableRandom rng = new SplittableRandom(seed);
        double[] l = new double[v];
        double max = Double.NEGATIVE_INFINITY;
        for (int i = 0; i < v; i++) {
            l[i] = spread * gaussian(rng);
            max = Math.max(max, l[i]);
        }
        double z = 0;
        for (int i = 0; i < v; i++) {
            z += Math.exp(l[i] - max);
        }
        float[] p = new float[v];
        for (int i = 0; i < v; i++) {
            p[i] = (float) (Math.exp(l[i] - max) / z);
        }
        return p;
    }

    private static double gaussian(SplittableRandom rng) {
        return Math.sqrt(-2 * Math.log(1 - rng.nextDouble())) * Math.cos(2 * Math.PI * rng.nextDouble());
    }

    private static void assertSameKept(float[] p, int topK, float topP, float minP, String what) {
        boolean[] expected = sortedKept(p, topK, topP, minP);
        boolean[] actual = new KeptSet(topK, topP, minP).kept(p, 0, p.length);
        assertArrayEquals(expected, actual, what + " top_k " + topK + " top_p " + topP + " min_p " + minP);
    }

    @Test
    void matchesTheSortedReferenceOnNearUniformAndPeakedRows() {
        int[] topKs = {0, 1, 5, 300, 5000};
        float[] topPs = {1f, 0.1f, 0.5f, 0.9f, 0.99f};
        float[] minPs = {0f, 0.05f, 0.5f};
        double[] spreads = {0.05, 0.45, 2, 6};
        long seed = 0;
        for (double spread : spreads) {
            float[] p = softmax(4000, spread, seed++);
            for (int k : topKs) {
                for (float tp : topPs) {
                    for (float mp : minPs) {
                        assertSameKept(p, k, tp, mp, "spread " + spread);
                    }
                }
            }
        }
    }

    @Test
    void tiesAtTheBoundaryKeepTheSmallerIdsFirst() {
        // ten equal tokens: top-k 3 keeps ids 0..2; top-p 0.25 keeps three (0.2 before the third < 0.25)
        float[] flat = new float[10];
        Arrays.fill(flat, 0.1f);
        assertArrayEquals(new boolean[] {true, true, true, false, false, false, false, false, false, false},
                new KeptSet(3, 1f, 0f).kept(flat, 0, 10));
        assertSameKept(flat, 0, 0.25f, 0f, "flat");
        assertSameKept(flat, 4, 0.25f, 0.5f, "flat");
        // coarse values: many ties everywhere
        SplittableRandom rng = new SplittableRandom(3);
        float[] coarse = new float[3000];
        for (int i = 0; i < coarse.length; i++) {
            coarse[i] = (1 + rng.nextInt(8)) / 13500f;
        }
        for (float tp : new float[] {0.3f, 0.9f}) {
            for (int k : new int[] {0, 100, 1000}) {
                assertSameKept(coarse, k, tp, 0f, "coarse");
                assertSameKept(coarse, k, tp, 0.4f, "coarse");
            }
        }
    }

    @Test
    void drawsByInverseCdfOverKeptTokensInIdOrder() {
        float[] p = softmax(3000, 0.3, 11);
        KeptSet s = new KeptSet(0, 0.9f, 0f);
        boolean[] kept = sortedKept(p, 0, 0.9f, 0f);
        double total = 0;
        for (int i = 0; i < p.length; i++) {
            total += kept[i] ? p[i] : 0;
        }
        SplittableRandom rng = new SplittableRandom(5);
        for (int n = 0; n < 200; n++) {
            double u = n == 0 ? 0 : n == 1 ? Math.nextDown(1.0) : rng.nextDouble();
            int expected = -1;
            double cum = 0;
            for (int i = 0; i < p.length && expected < 0; i++) {
                if (kept[i]) {
                    cum += p[i];
                    if (cum > u * total) {
                        expected = i;
                    }
                }
            }
            if (expected < 0) { // u × total rounded up to the end
                expected = IntStream.range(0, p.length).filter(i -> kept[i]).max().getAsInt();
            }
            assertEquals(expected, s.draw(p, 0, p.length, u), "u = " + u);
        }
    }

    @Test
    void readsOneRowOfALargerArray() {
        float[] a = softmax(500, 1, 1);
        float[] b = softmax(500, 1, 2);
        float[] both = new float[1000];
        System.arraycopy(a, 0, both, 0, 500);
        System.arraycopy(b, 0, both, 500, 500);
        KeptSet s = new KeptSet(7, 0.8f, 0.01f);
        assertArrayEquals(sortedKept(b, 7, 0.8f, 0.01f), s.kept(both, 500, 500));
        assertArrayEquals(sortedKept(a, 7, 0.8f, 0.01f), s.kept(both, 0, 500));
    }

    @Test
    void rejectsNonFiniteProbabilities() {
        float[] p = {0.5f, Float.NaN, 0.5f};
        assertThrows(IllegalArgumentException.class, () -> new KeptSet(0, 0.9f, 0f).draw(p, 0, 3, 0.5));
        // a softmax over a non-finite logit is NaN everywhere
        float[] nan = {Float.NaN, Float.NaN, Float.NaN};
        assertThrows(IllegalArgumentException.class, () -> new KeptSet(0, 1f, 0f).draw(nan, 0, 3, 0.5));
    }
}
