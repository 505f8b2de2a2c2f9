package io.grpo4j.model;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;

/** Tiny configs and weights for model tests; norms and biases are randomised too so every tensor matters. */
public final class TinyModels {
    private TinyModels() {}

    /** Llama with GQA (4 heads, 2 kv heads), llama3 rope scaling, untied head. */
    public static ModelConfig llama() {
        return new ModelConfig(ModelConfig.Architecture.LLAMA, 32, 48, 2, 4, 2, 8, 1e-5, 10000.0,
                new ModelConfig.RopeScaling("llama3", 8.0, 1.0, 4.0, 16), 41, false, 64, false, 1, List.of(2), "float32");
    }

    /** Qwen2 with q/k/v bias, head_dim 12 (≠ hidden / heads), tied embeddings, 3 heads over 1 kv head. */
    public static ModelConfig qwen2() {
        return new ModelConfig(ModelConfig.Architecture.QWEN2, 24, 40, 2, 3, 1, 12, 1e-6, 1000000.0,
                null, 37, true, 64, true, -1, List.of(3), "float32");
    }

    /** Random weights (scaled up from the 0.02 init so logits differ clearly between tokens). */
    public static ModelWeights weights(ModelConfig c, long seed, NDManager parent) {
        ModelWeights init = ModelInit.random(c, seed, parent);
        Random rng = new Random(seed);
        Map<String, NDArray> m = new LinkedHashMap<>();
        for (Map.Entry<String, NDArray> e : init.all().entrySet()) {
            NDArray a = e.getValue();
            float[] v = a.toFloatArray();
            for (int i = 0; i < v.length; i++) {
                boolean gainOrBias = e.getKey().endsWith("norm.weight") || e.getKey().endsWith(".bias");
                v[i] = gainOrBias ? (float) (v[i] + 0.3 * rng.nextGaussian()) : v[i] * 10f;
            }
            NDArray b = init.manager().create(v, a.getShape());
            b.setName(e.getKey());
            m.put(e.getKey(), b);
            a.close();
        }
        return new ModelWeights(c, init.manager(), m);
    }

    public static Map<String, float[]> toJava(ModelWeights w) {
        Map<String, float[]> m = new LinkedHashMap<>();
        w.all().forEach((k, v) -> m.put(k, v.toFloatArray()));
        return m;
    }
}
