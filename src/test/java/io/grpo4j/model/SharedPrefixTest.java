package io.grpo4j.model;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;

import ai.djl.engine.Engine;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import ai.djl.training.GradientCollector;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** A shared prefix computed once gives the same hidden states and gradients as every row carrying it. */
class SharedPrefixTest {
    static Stream<ModelConfig> configs() {
        return Stream.of(TinyModels.llama(), TinyModels.qwen2());
    }

    private static final long[] PREFIX = {5, 9, 1, 30, 7};
    /** Right-padded continuations: lengths 4, 2, 3. */
    private static final long[][] ROWS = {{12, 3, 18, 22}, {11, 4, 0, 0}, {26, 8, 15, 0}};
    private static final int[] LENGTHS = {4, 2, 3};

    @ParameterizedTest
    @MethodSource("configs")
    void hiddenStatesAndGradientsMatchTheFullSequences(ModelConfig c) {
        Map<String, float[]> fullGrads = new LinkedHashMap<>();
        Map<String, float[]> sharedGrads = new LinkedHashMap<>();
        float[] full = run(c, false, fullGrads);
        float[] shared = run(c, true, sharedGrads);
        assertArrayEquals(full, shared, 2e-5f, "hidden states after the prefix");
        for (String k : fullGrads.keySet()) {
            assertArrayEquals(fullGrads.get(k), sharedGrads.get(k), 2e-5f, "gradient of " + k);
        }
    }

    /** Hidden states of the real continuation tokens (flattened), and the gradients of a weighted sum of them. */
    private static float[] run(ModelConfig c, boolean sharePrefix, Map<String, float[]> grads) {
        int p = PREFIX.length;
        int b = ROWS.length;
        int t = ROWS[0].length;
        try (NDManager m = NDManager.newBaseManager(); ModelWeights w = TinyModels.weights(c, 7, m); Decoder d = new Decoder(w)) {
            w.all().values().forEach(x -> x.setRequiresGradient(true));
            long[] mask = new long[b * t];
            float[] weight = new float[b * t];
            for (int r = 0; r < b; r++) {
                for (int i = 0; i < LENGTHS[r]; i++) {
                    mask[r * t + i] = 1;
                    weight[r * t + i] = 0.1f * (r + 1) + 0.01f * i; // different per token, so every state matters
                }
            }
            NDArray hidden;
            float[] out;
            try (GradientCollector gc = Engine.getInstance().newGradientCollector()) {
                if (sharePrefix) {
                    long[] ids = new long[b * t];
                    long[] pos = new long[b * t];
                    for (int r = 0; r < b; r++) {
                        for (int i = 0; i < t; i++) {
                            ids[r * t + i] = ROWS[r][i];
                            pos[r * t + i] = p + i;
                        }
                    }
                    Decoder.SharedPrefix prefix = d.prefix(m.create(PREFIX, new Shape(1, p)));
                    hidden = d.hiddenAfter(prefix, m.create(ids, new Shape(b, t)), m.create(pos, new Shape(b, t)),
                            m.create(mask, new Shape(b, t)));
                } else {
                    long[] ids = new long[b * (p + t)];
                    long[] pos = new long[b * (p + t)];
                    long[] att = new long[b * (p + t)];
                    for (int r = 0; r < b; r++) {
                        for (int i = 0; i < p + t; i++) {
                            ids[r * (p + t) + i] = i < p ? PREFIX[i] : ROWS[r][i - p];
                            pos[r * (p + t) + i] = i;
                            att[r * (p + t) + i] = i < p ? 1 : mask[r * t + i - p];
                        }
                    }
                    Shape s = new Shape(b, p + t);
                    hidden = d.hidden(m.create(ids, s), m.create(pos, s), m.create(att, s), null).get(":, " + p + ":, :");
                }
                NDArray wts = m.create(weight, new Shape(b, t, 1));
                gc.backward(hidden.mul(wts).sum());
                out = hidden.mul(wts.gt(0).toType(ai.djl.ndarray.types.DataType.FLOAT32, false)).toFloatArray();
            }
            w.all().forEach((k, v) -> {
                try (NDArray g = v.getGradient()) {
                    grads.put(k, g.toFloatArray());
                }
            });
            return out;
        }
    }
}
