package io.grpo4j.model;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The parameters of one decoder, keyed by their Hugging Face names (see {@link WeightNames}),
 * all float32 and owned by one manager. Closing it frees every tensor.
 */
public final class ModelWeights implements AutoCloseable {
    private final ModelConfig config;
    private final NDManager manager;
    private final Map<String, NDArray> byName;

    /** Takes ownership of {@code manager} and of the arrays in {@code byName}, which must live in it. */
    public ModelWeights(ModelConfig config, NDManager manager, Map<String, NDArray> byName) {
        this.config = config;
        this.manager = manager;
        this.byName = Collections.unmodifiableMap(new LinkedHashMap<>(byName));
    }

    public ModelConfig config() {
        return config;
    }

    public NDManager manager() {
        return manager;
    }

    /** The tensor called {@code name}; throws naming it when absent. */
    public NDArray get(String name) {
        NDArray a = byName.get(name);
        if (a == null) {
            throw new IllegalArgumentException("no weight named '" + name + "'");
        }
        return a;
    }

    /** The LM head matrix [vocab, hidden]: the embedding itself when the model ties them. */
    public NDArray lmHead() {
        return config.tieWordEmbeddings() ? get(WeightNames.EMBED) : get(WeightNames.LM_HEAD);
    }

    /** All tensors in checkpoint order. */
    public Map<String, NDArray> all() {
        return byName;
    }

    /** Total number of scalar parameters. */
    public long parameterCount() {
        long n = 0;
        for (NDArray a : byName.values()) {
            n += a.size();
        }
        return n;
    }

    @Override
    public void close() {
        manager.close();
    }
}
