package io.grpo4j.model;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.FloatBuffer;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Random;

/**
 * Random initialisation of a decoder, reproducible from a seed and independent of the engine's
 * global RNG: every tensor draws from its own stream derived from (seed, tensor name).
 */
public final class ModelInit {
    /** Standard deviation of linear and embedding weights (HF {@code initializer_range}). */
    public static final double INITIALIZER_RANGE = 0.02;

    private ModelInit() {}

    /**
     * New weights for {@code config}: N(0, 0.02) matrices, ones for RMSNorm gains, zeros for
     * biases. The returned weights own a fresh sub-manager of {@code parent}.
     */
    public static ModelWeights random(ModelConfig config, long seed, NDManager parent) {
        NDManager manager = parent.newSubManager();
        Map<String, NDArray> byName = new LinkedHashMap<>();
        for (Map.Entry<String, long[]> e : WeightNames.expected(config).entrySet()) {
            String name = e.getKey();
            Shape shape = new Shape(e.getValue());
            NDArray a;
            if (name.endsWith("norm.weight")) {
                a = manager.ones(shape);
            } else if (name.endsWith(".bias")) {
                a = manager.zeros(shape);
            } else {
                a = manager.create(gaussian(shape.size(), seed ^ (long) name.hashCode() * 0x9E3779B97F4A7C15L), shape);
            }
            a.setName(name);
            byName.put(name, a);
        }
        return new ModelWeights(config, manager, byName);
    }

    private static FloatBuffer gaussian(long n, long seed) {
        Random rng = new Random(seed);
        FloatBuffer buf = ByteBuffer.allocateDirect(Math.toIntExact(n * 4)).order(ByteOrder.nativeOrder()).asFloatBuffer();
        for (long i = 0; i < n; i++) {
            buf.put((float) (rng.nextGaussian() * INITIALIZER_RANGE));
        }
        buf.rewind();
        return buf;
    }
}
