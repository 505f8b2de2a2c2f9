package io.grpo4j.model;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.index.NDIndex;
import ai.djl.ndarray.types.Shape;
import io.grpo4j.testing.NativeResources;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

class DecoderTest {
    static Stream<ModelConfig> configs() {
        return Stream.of(TinyModels.llama(), TinyModels.qwen2());
    }

    private static final int[][] SEQS = {{5, 9, 1, 30, 7, 7, 12}, {3, 18, 22}, {11, 4, 26, 8, 15}};

    private static NDArray row(NDManager m, long[] v) {
        return m.create(v, new Shape(1, v.length));
    }

    private static long[] longs(int[] ids) {
        long[] out = new long[ids.length];
        for (int i = 0; i < ids.length; i++) {
            out[i] = ids[i];
        }
        return out;
    }

    private static long[] range(int n) {
        long[] out = new long[n];
        for (int i = 0; i < n; i++) {
            out[i] = i;
        }
        return out;
    }

    private static long[] ones(int n) {
        long[] out = new long[n];
        java.util.Arrays.fill(out, 1);
        return out;
    }

    /** Full forward of one unpadded sequence: (T, V) logits. */
    private static float[][] forward(Decoder d, NDManager m, int[] ids) {
        NDArray h = d.hidden(row(m, longs(ids)), row(m, range(ids.length)), row(m, ones(ids.length)), null);
        return toRows(d.logits(h).get(0));
    }

    private static float[][] toRows(NDArray tv) {
        int t = (int) tv.getShape().get(0);
        float[] flat = tv.toFloatArray();
        int v = flat.length / t;
        float[][] out = new float[t][v];
        for (int i = 0; i < t; i++) {
            System.arraycopy(flat, i * v, out[i], 0, v);
        }
        return out;
    }

    private static void assertClose(double[][] expected, float[][] actual, double tol, String what) {
        double worst = 0;
        for (int i = 0; i < expected.length; i++) {
            for (int j = 0; j < expected[i].length; j++) {
                worst = Math.max(worst, Math.abs(expected[i][j] - actual[i][j]));
            }
        }
        assertTrue(worst < tol, what + ": max |diff| " + worst + " >= " + tol);
    }

    private static double[][] toDouble(float[][] a) {
        double[][] out = new double[a.length][];
        for (int i = 0; i < a.length; i++) {
            out[i] = new double[a[i].length];
            for (int j = 0; j < a[i].length; j++) {
                out[i][j] = a[i][j];
            }
        }
        return out;
    }

    @ParameterizedTest
    @MethodSource("configs")
    void logitsMatchPlainJavaDoubleReference(ModelConfig c) {
        try (NDManager m = NDManager.newBaseManager(); ModelWeights w = TinyModels.weights(c, 7, m);
                Decoder d = new Decoder(w)) {
            ReferenceForward ref = new ReferenceForward(c, TinyModels.toJava(w));
            for (int[] seq : SEQS) {
                double[][] expected = ref.logits(seq);
                // Logits are O(1..10) here; float32 accumulation keeps them within 1e-4.
                assertClose(expected, forward(d, m, seq), 1e-4, c.architecture() + " " + seq.length + " tokens");
            }
        }
    }

    @ParameterizedTest
    @MethodSource("configs")
    void fusedInferenceLayoutEqualsTrainingLayout(ModelConfig c) {
        try (NDManager m = NDManager.newBaseManager(); ModelWeights w = TinyModels.weights(c, 8, m);
                Decoder d = new Decoder(w); Decoder fused = d.forInference()) {
            int[] seq = SEQS[0];
            assertClose(toDouble(forward(d, m, seq)), forward(fused, m, seq), 1e-5, "fused vs plain");
        }
    }

    @ParameterizedTest
    @MethodSource("configs")
    void kvCacheIncrementalDecodingEqualsFullForward(ModelConfig c) {
        try (NDManager m = NDManager.newBaseManager(); ModelWeights w = TinyModels.weights(c, 9, m);
                Decoder d = new Decoder(w).forInference()) {
            int[] seq = SEQS[0];
            double[][] full = toDouble(forward(d, m, seq));
            float[][] inc = new float[seq.length][];
            try (KvCache cache = KvCache.allocate(c, 1, 16, m)) {
                // prefill 3 tokens, then one token at a time
                int p = 3;
                long[] prefix = java.util.Arrays.copyOf(longs(seq), p);
                NDArray h = d.hidden(row(m, prefix), row(m, range(p)), row(m, ones(p)), cache);
                float[][] first = toRows(d.logits(h).get(0));
                System.arraycopy(first, 0, inc, 0, p);
                for (int i = p; i < seq.length; i++) {
                    NDArray hi = d.hidden(row(m, new long[] {seq[i]}), row(m, new long[] {i}), row(m, ones(i + 1)), cache);
                    inc[i] = toRows(d.logits(hi).get(0))[0];
                }
                assertEquals(seq.length, cache.length());
            }
            assertClose(full, inc, 1e-4, "cache vs full");
        }
    }

    @ParameterizedTest
    @MethodSource("configs")
    void paddedBatchesEqualEachSequenceAlone(ModelConfig c) {
        try (NDManager m = NDManager.newBaseManager(); ModelWeights w = TinyModels.weights(c, 10, m);
                Decoder d = new Decoder(w)) {
            int width = 7;
            int b = SEQS.length;
            for (boolean left : new boolean[] {true, false}) {
                long[] ids = new long[b * width];
                long[] pos = new long[b * width];
                long[] mask = new long[b * width];
                for (int r = 0; r < b; r++) {
                    int pad = width - SEQS[r].length;
                    for (int i = 0; i < SEQS[r].length; i++) {
                        int col = left ? pad + i : i;
                        ids[r * width + col] = SEQS[r][i];
                        pos[r * width + col] = i;
                        mask[r * width + col] = 1;
                    }
                }
                Shape s = new Shape(b, width);
                NDArray logits = d.logits(d.hidden(m.create(ids, s), m.create(pos, s), m.create(mask, s), null));
                for (int r = 0; r < b; r++) {
                    int n = SEQS[r].length;
                    int from = left ? width - n : 0;
                    float[][] batched = toRows(logits.get(new NDIndex("{}, {}:{}", r, from, from + n)));
                    assertClose(toDouble(forward(d, m, SEQS[r])), batched, 1e-4, (left ? "left" : "right") + " padded row " + r);
                }
            }
        }
    }

    @ParameterizedTest
    @MethodSource("configs")
    void decodingStepsInsideAScopeLeaveNoArraysBehind(ModelConfig c) {
        // A sampler closes the hidden states it asked for and lets its step scope free the
        // rest; nothing of a step may outlive it in any manager (a leaked (V, B) logits view
        // once grew RSS by 8 MB per step at B = 64).
        try (NDManager m = NDManager.newBaseManager(); ModelWeights w = TinyModels.weights(c, 12, m);
                Decoder d = new Decoder(w).forInference(); NDManager state = m.newSubManager();
                KvCache cache = KvCache.allocate(c, 2, 40, m)) {
            Shape s = new Shape(2, 3);
            NDArray prompt = d.hidden(state.create(new long[] {5, 9, 1, 3, 18, 22}, s),
                    state.create(new long[] {0, 1, 2, 0, 1, 2}, s), state.ones(s), cache);
            prompt.close();
            int before = -1;
            for (int step = 0; step < 30; step++) {
                try (ai.djl.ndarray.NDScope scope = new ai.djl.ndarray.NDScope()) {
                    int len = cache.length();
                    Shape one = new Shape(2, 1);
                    NDArray h = d.hidden(state.create(new long[] {7, 11}, one), state.create(new long[] {len, len}, one),
                            state.ones(new Shape(2, len + 1)), cache);
                    d.logits(h).squeeze(1).softmax(-1).getFloat(0, 0);
                    h.close();
                }
                if (step == 3) {
                    before = NativeResources.count(state) + NativeResources.count(w.manager()) + NativeResources.count(m);
                }
            }
            assertEquals(before, NativeResources.count(state) + NativeResources.count(w.manager()) + NativeResources.count(m),
                    "arrays alive after 26 more decoding steps");
        }
    }
}
