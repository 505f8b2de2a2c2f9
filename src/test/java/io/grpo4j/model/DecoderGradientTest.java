package io.grpo4j.model;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ai.djl.engine.Engine;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.NDScope;
import ai.djl.ndarray.types.Shape;
import ai.djl.training.GradientCollector;
import io.grpo4j.testing.NativeResources;
import java.util.Map;
import org.junit.jupiter.api.Test;

class DecoderGradientTest {
    private static final long[] IDS = {5, 9, 1, 30, 7, 12, 3, 18, 22, 0};
    private static final long[] TARGETS = {9, 1, 30, 7, 12, 3, 18, 22, 0, 4};

    /** Mean log-prob of the targets for a 2 × 5 batch (no padding). */
    private static NDArray meanLogProb(Decoder d, NDManager m, float temperature) {
        Shape s = new Shape(2, 5);
        NDArray ids = m.create(IDS, s);
        NDArray pos = m.create(new long[] {0, 1, 2, 3, 4, 0, 1, 2, 3, 4}, s);
        NDArray mask = m.ones(s);
        NDArray h = d.hidden(ids, pos, mask, null);
        return TokenLogProbs.compute(d, h, m.create(TARGETS, s), temperature, 5).mean();
    }

    @Test
    void chunkedLogProbsEqualLogSoftmaxOfFullLogits() {
        ModelConfig c = TinyModels.llama();
        try (NDManager m = NDManager.newBaseManager(); ModelWeights w = TinyModels.weights(c, 3, m);
                Decoder d = new Decoder(w)) {
            Shape s = new Shape(2, 5);
            NDArray h = d.hidden(m.create(IDS, s), m.create(new long[] {0, 1, 2, 3, 4, 0, 1, 2, 3, 4}, s), m.ones(s), null);
            NDArray targets = m.create(TARGETS, s);
            NDArray full = d.logits(h).div(0.7f).logSoftmax(-1).gather(targets.expandDims(-1), -1).squeeze(-1);
            NDArray[] chunked = TokenLogProbs.withEntropy(d, h, targets, 0.7f, 5); // one row per chunk
            float[] a = full.toFloatArray();
            float[] b = chunked[0].toFloatArray();
            for (int i = 0; i < a.length; i++) {
                assertEquals(a[i], b[i], 1e-6, "token " + i);
            }
            // entropy of a distribution over 41 tokens lies in (0, ln 41]
            for (float e : chunked[1].toFloatArray()) {
                assertTrue(e > 0 && e <= Math.log(41) + 1e-5, "entropy " + e);
            }
        }
    }

    @Test
    void gradientReachesEveryParameterAndMatchesFiniteDifferences() {
        ModelConfig c = TinyModels.qwen2(); // biases and tied head exercise the extra paths
        try (NDManager m = NDManager.newBaseManager(); ModelWeights w = TinyModels.weights(c, 4, m);
                Decoder d = new Decoder(w)) {
            for (NDArray p : w.all().values()) {
                p.setRequiresGradient(true);
            }
            try (GradientCollector gc = Engine.getInstance().newGradientCollector()) {
                gc.backward(meanLogProb(d, m, 1f));
            }
            for (Map.Entry<String, NDArray> e : w.all().entrySet()) {
                try (NDArray g = e.getValue().getGradient()) {
                    assertTrue(g.abs().sum().getFloat() > 0, "no gradient reached " + e.getKey());
                }
            }
            // Central finite differences on a few coordinates of three tensors. float32 forward
            // noise is ~1e-6, so with eps = 1e-2 the difference quotient is good to ~1e-3.
            String[] names = {WeightNames.layer(0, "self_attn.k_proj.bias"), WeightNames.layer(1, "mlp.down_proj.weight"),
                    WeightNames.EMBED};
            for (String name : names) {
                NDArray p = w.get(name);
                float[] grad;
                try (NDArray g = p.getGradient()) {
                    grad = g.toFloatArray();
                }
                for (int idx : new int[] {0, 5, 11}) {
                    float eps = 1e-2f;
                    double plus = perturbed(d, m, p, idx, eps);
                    double minus = perturbed(d, m, p, idx, -eps);
                    double numeric = (plus - minus) / (2 * eps);
                    assertEquals(numeric, grad[idx], 2e-3 + 0.02 * Math.abs(numeric), name + "[" + idx + "]");
                }
            }
        }
    }

    private static double perturbed(Decoder d, NDManager m, NDArray p, int idx, float delta) {
        float[] v = p.toFloatArray();
        float old = v[idx];
        v[idx] = old + delta;
        p.set(java.nio.FloatBuffer.wrap(v));
        double out;
        try (NDScope scope = new NDScope()) {
            out = meanLogProb(d, m, 1f).getFloat();
        }
        v[idx] = old;
        p.set(java.nio.FloatBuffer.wrap(v));
        return out;
    }

    @Test
    void repeatedForwardsLeakNoNativeArrays() {
        ModelConfig c = TinyModels.llama();
        try (NDManager m = NDManager.newBaseManager(); ModelWeights w = TinyModels.weights(c, 5, m);
                Decoder d = new Decoder(w).forInference()) {
            int before = -1;
            for (int i = 0; i < 200; i++) {
                try (NDManager step = m.newSubManager()) {
                    meanLogProb(d, step, 1f).getFloat();
                }
                if (i == 10) {
                    before = liveArrays(w, m);
                }
            }
            assertEquals(before, liveArrays(w, m), "arrays alive in the weights and test managers after 190 more forwards");
        }
    }

    private static int liveArrays(ModelWeights w, NDManager m) {
        return NativeResources.count(w.manager()) + NativeResources.count(m);
    }
}
