package io.grpo4j.generate;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import java.util.SplittableRandom;
import org.apache.commons.math3.stat.inference.ChiSquareTest;
import org.junit.jupiter.api.Test;

/** The sampler's empirical frequencies against the renormalised target distributions. */
class SamplerTest {
    // Six tokens with probabilities 0.4, 0.25, 0.15, 0.1, 0.06, 0.04 (logits = ln p).
    private static final double[] P = {0.4, 0.25, 0.15, 0.1, 0.06, 0.04};
    private static final int ROWS = 4000;
    private static final int ROUNDS = 5;

    /** Counts of each token over ROWS × ROUNDS draws. */
    static long[] counts(Sampler s, long seed) {
        long[] counts = new long[P.length];
        SplittableRandom rng = new SplittableRandom(seed);
        try (NDManager m = NDManager.newBaseManager()) {
            float[] logits = new float[ROWS * P.length];
            for (int r = 0; r < ROWS; r++) {
                for (int i = 0; i < P.length; i++) {
                    logits[r * P.length + i] = (float) Math.log(P[i]);
                }
            }
            NDArray l = m.create(logits, new Shape(ROWS, P.length));
            for (int round = 0; round < ROUNDS; round++) {
                float[] u = new float[ROWS];
                for (int r = 0; r < ROWS; r++) {
                    u[r] = (float) rng.nextDouble();
                }
                Sampler.Draw d = s.draw(l, u);
                for (int r = 0; r < ROWS; r++) {
                    counts[(int) d.ids()[r]]++;
                    // the reported log-prob is the untruncated tempered one
                    assertEquals(Math.log(P[(int) d.ids()[r]]), d.logProbs()[r], 1e-5);
                }
            }
        }
        return counts;
    }

    /** Chi-square goodness of fit of the kept tokens; tokens outside the kept set must never appear. */
    static void assertMatches(double[] target, long[] counts) {
        int kept = 0;
        for (int i = 0; i < target.length; i++) {
            if (target[i] == 0) {
                assertEquals(0, counts[i], "token " + i + " is outside the kept set");
            } else {
                kept++;
            }
        }
        double[] expected = new double[kept];
        long[] observed = new long[kept];
        int j = 0;
        for (int i = 0; i < target.length; i++) {
            if (target[i] > 0) {
                expected[j] = target[i];
                observed[j++] = counts[i];
            }
        }
        if (kept == 1) {
            return;
        }
        double p = new ChiSquareTest().chiSquareTest(expected, observed);
        assertTrue(p > 0.001, "chi-square p = " + p + " for counts " + java.util.Arrays.toString(counts));
    }

    @Test
    void plainTemperatureOneFollowsTheDistribution() {
        assertMatches(P, counts(new Sampler(1f, 0, 1f, 0f), 1));
    }

    @Test
    void topKKeepsTheKMostLikely() {
        // top-3: 0.4, 0.25, 0.15 renormalised by 0.8
        assertMatches(new double[] {0.5, 0.3125, 0.1875, 0, 0, 0}, counts(new Sampler(1f, 3, 1f, 0f), 2));
    }

    @Test
    void topPKeepsTheSmallestPrefixReachingP() {
        // p = 0.7: 0.4 + 0.25 = 0.65 < 0.7, so the third (0.15) is needed: {0.4, 0.25, 0.15} / 0.8
        assertMatches(new double[] {0.5, 0.3125, 0.1875, 0, 0, 0}, counts(new Sampler(1f, 0, 0.7f, 0f), 3));
        // p = 0.65 exactly reached by two tokens
        assertMatches(new double[] {0.4 / 0.65, 0.25 / 0.65, 0, 0, 0, 0}, counts(new Sampler(1f, 0, 0.64f, 0f), 4));
    }

    @Test
    void minPDropsTokensBelowAFractionOfTheTop() {
        // min_p 0.3: keep p ≥ 0.12 → {0.4, 0.25, 0.15} / 0.8
        assertMatches(new double[] {0.5, 0.3125, 0.1875, 0, 0, 0}, counts(new Sampler(1f, 0, 1f, 0.3f), 5));
    }

    @Test
    void greedyTakesTheArgmax() {
        long[] c = counts(new Sampler(0f, 0, 1f, 0f), 6);
        assertArrayEquals(new long[] {ROWS * ROUNDS, 0, 0, 0, 0, 0}, c);
    }

    @Test
    void topPOverANearUniformVocabularyKeepsTheExactNucleus() {
        // 3000 tokens with logits N(0, 0.3²): the 0.9 nucleus holds most of the vocabulary, far
        // beyond any narrow candidate pool, so this is the case a top-k prefilter cannot handle.
        int v = 3000;
        int rows = 2000;
        float[] row = new float[v];
        SplittableRandom rng = new SplittableRandom(12);
        for (int i = 0; i < v; i++) {
            row[i] = (float) (0.3 * Math.sqrt(-2 * Math.log(1 - rng.nextDouble())) * Math.cos(2 * Math.PI * rng.nextDouble()));
        }
        float[] logits = new float[rows * v];
        for (int r = 0; r < rows; r++) {
            System.arraycopy(row, 0, logits, r * v, v);
        }
        long[] counts = new long[v];
        float[] probs;
        try (NDManager m = NDManager.newBaseManager()) {
            NDArray l = m.create(logits, new Shape(rows, v));
            probs = l.get(0).softmax(-1).toFloatArray(); // the same float32 probabilities the sampler sees
            Sampler s = new Sampler(1f, 0, 0.9f, 0f);
            for (int round = 0; round < 10; round++) {
                float[] u = new float[rows];
                for (int r = 0; r < rows; r++) {
                    u[r] = (float) rng.nextDouble();
                }
                Sampler.Draw d = s.draw(l, u);
                for (int r = 0; r < rows; r++) {
                    int id = (int) d.ids()[r];
                    counts[id]++;
                    assertEquals(Math.log(probs[id]), d.logProbs()[r], 1e-5);
                }
            }
        }
        boolean[] kept = KeptSetTest.sortedKept(probs, 0, 0.9f, 0f);
        // Chi-square over 30 groups of consecutive ids (each token alone would be drawn ~8 times).
        int groups = 30;
        double[] expected = new double[groups];
        long[] observed = new long[groups];
        int keptCount = 0;
        for (int i = 0; i < v; i++) {
            if (!kept[i]) {
                assertEquals(0, counts[i], "token " + i + " is outside the nucleus");
                continue;
            }
            keptCount++;
            expected[i * groups / v] += probs[i];
            observed[i * groups / v] += counts[i];
        }
        assertTrue(keptCount > 2000 && keptCount < v, "nucleus of " + keptCount + " tokens");
        double p = new ChiSquareTest().chiSquareTest(expected, observed);
        assertTrue(p > 0.001, "chi-square p = " + p);
    }
}
