package io.grpo4j.model;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDArrays;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDScope;
import ai.djl.ndarray.index.NDIndex;

/**
 * Per-token log-probabilities of given target tokens under the tempered distribution
 * softmax(logits / temperature), the quantity both the sampler reports and the policy loss
 * differentiates. Rows are processed in chunks so that at most {@code chunkTokens} × vocab
 * logits exist at a time outside the autograd graph.
 */
public final class TokenLogProbs {
    private TokenLogProbs() {}

    /**
     * @param hidden (B, T, H) from {@link Decoder#hidden}
     * @param targets (B, T) int64 token ids to score at each position
     * @param temperature sampling temperature (&gt; 0; use 1 for greedy)
     * @param chunkTokens upper bound of B'·T per chunk (at least one row per chunk)
     * @return (B, T) log-probabilities, differentiable w.r.t. the weights; in hidden's manager
     */
    public static NDArray compute(Decoder decoder, NDArray hidden, NDArray targets, float temperature, int chunkTokens) {
        return run(decoder, hidden, targets, temperature, chunkTokens, false, false)[0];
    }

    /**
     * Log-probabilities as {@link #compute} plus the per-token entropy (B, T) of the tempered
     * distribution (entropy carries no gradient).
     */
    public static NDArray[] withEntropy(Decoder decoder, NDArray hidden, NDArray targets, float temperature, int chunkTokens) {
        return run(decoder, hidden, targets, temperature, chunkTokens, true, false);
    }

    /** As {@link #withEntropy}, with the entropy differentiable too (for an entropy bonus in the loss). */
    public static NDArray[] withDifferentiableEntropy(Decoder decoder, NDArray hidden, NDArray targets, float temperature,
            int chunkTokens) {
        return run(decoder, hidden, targets, temperature, chunkTokens, true, true);
    }

    private static NDArray[] run(Decoder decoder, NDArray hidden, NDArray targets, float temperature, int chunkTokens,
            boolean entropy, boolean entropyGradient) {
        if (!(temperature > 0)) {
            throw new IllegalArgumentException("temperature must be > 0 for log-probs, got " + temperature);
        }
        long b = hidden.getShape().get(0);
        long t = hidden.getShape().get(1);
        long rowsPerChunk = Math.max(1, chunkTokens / Math.max(1, t));
        NDList logps = new NDList();
        NDList entropies = new NDList();
        NDArray logp;
        NDArray ent = null;
        try (NDScope scope = new NDScope()) {
            for (long start = 0; start < b; start += rowsPerChunk) {
                long end = Math.min(b, start + rowsPerChunk);
                NDIndex rows = new NDIndex("{}:{}", start, end);
                NDArray logits = decoder.logits(hidden.get(rows)); // (b', T, V)
                if (temperature != 1f) {
                    logits = Scalars.div(logits, temperature);
                }
                NDArray all = logits.logSoftmax(-1); // (b', T, V)
                logps.add(all.gather(targets.get(rows).expandDims(-1), -1).squeeze(-1)); // (b', T)
                if (entropy) {
                    NDArray lp = entropyGradient ? all : all.stopGradient();
                    entropies.add(lp.exp().mul(lp).sum(new int[] {-1}).neg()); // (b', T)
                }
            }
            logp = logps.size() == 1 ? logps.get(0) : NDArrays.concat(logps, 0);
            NDScope.unregister(logp);
            if (entropy) {
                ent = entropies.size() == 1 ? entropies.get(0) : NDArrays.concat(entropies, 0);
                NDScope.unregister(ent);
            }
        }
        logp.attach(hidden.getManager());
        if (ent != null) {
            ent.attach(hidden.getManager());
        }
        return entropy ? new NDArray[] {logp, ent} : new NDArray[] {logp};
    }
}
