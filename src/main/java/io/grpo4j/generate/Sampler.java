package io.grpo4j.generate;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;

/**
 * Draws one token per row from (B, V) logits: greedy, or temperature with optional top-k, top-p
 * and min-p truncation. All work stays on the tensor side; the only host transfer is the result.
 *
 * <p>Top-p never sorts the whole vocabulary: it looks at the best {@link #CANDIDATES} tokens
 * first and widens to the full vocabulary only for a step where their mass falls short of top_p,
 * so the result is exact either way.
 *
 * <p>The reported log-probability of a drawn token is log softmax(logits / T) at that token: the
 * tempered distribution before truncation, which is what the trainer recomputes in its forward
 * pass (greedy reports T = 1).
 */
public final class Sampler {
    /** Candidate pool for top-p when top-k does not bound it already. */
    static final int CANDIDATES = 256;

    private final float temperature;
    private final int topK;
    private final float topP;
    private final float minP;

    public Sampler(float temperature, int topK, float topP, float minP) {
        this.temperature = temperature;
        this.topK = topK;
        this.topP = topP;
        this.minP = minP;
    }

    /** Drawn ids and their log-probabilities. */
    public record Draw(long[] ids, float[] logProbs) {}

    /**
     * @param logits (B, V) float32
     * @param uniforms one U[0,1) number per row, from that row's own random stream
     */
    public Draw draw(NDArray logits, float[] uniforms) {
        NDManager m = logits.getManager();
        long b = logits.getShape().get(0);
        long v = logits.getShape().get(1);
        NDArray logp = logits.div(temperature > 0 ? temperature : 1f).logSoftmax(-1); // (B, V)
        NDArray chosen; // (B, 1) int64
        if (temperature <= 0) {
            chosen = logits.argMax(-1).toType(DataType.INT64, false).expandDims(-1);
        } else if (topK <= 0 && topP >= 1f && minP <= 0f) {
            chosen = inverseCdf(logp.exp(), uniforms, m);
        } else {
            chosen = truncated(logp, (int) v, uniforms, m);
        }
        NDArray picked = logp.gather(chosen, -1).squeeze(-1); // (B)
        long[] ids = chosen.squeeze(-1).toLongArray();
        float[] lp = picked.toFloatArray();
        if (ids.length != b) {
            throw new IllegalStateException("sampled " + ids.length + " ids for " + b + " rows");
        }
        return new Draw(ids, lp);
    }

    /** Top-k / top-p / min-p over the best candidates, widening to the full vocabulary when needed. */
    private NDArray truncated(NDArray logp, int vocab, float[] uniforms, NDManager m) {
        int k = topK > 0 ? Math.min(topK, vocab) : Math.min(CANDIDATES, vocab);
        while (true) {
            NDList top = logp.topK(k, -1, true, true); // values (B, k) descending, indices (B, k)
            NDArray probs = top.get(0).exp(); // (B, k) probabilities under the full tempered softmax
            NDArray keep = probs.gt(-1f); // all true
            if (topP < 1f) {
                NDArray before = probs.cumSum(1).sub(probs); // mass strictly before each candidate
                keep = keep.logicalAnd(before.lt(topP));
                boolean bounded = topK > 0 && k == Math.min(topK, vocab);
                if (!bounded && k < vocab && probs.sum(new int[] {1}).min().getFloat() < topP) {
                    k = vocab; // the pool missed some of the nucleus for at least one row: widen, stay exact
                    continue;
                }
            }
            if (minP > 0f) {
                NDArray max = probs.get(":, 0:1"); // (B, 1), sorted descending
                keep = keep.logicalAnd(probs.gte(max.mul(minP)));
            }
            NDArray kept = probs.mul(keep.toType(DataType.FLOAT32, false)); // (B, k)
            NDArray slot = inverseCdf(kept, uniforms, m); // (B, 1) index into the candidates
            return top.get(1).toType(DataType.INT64, false).gather(slot, -1);
        }
    }

    /** Index drawn from unnormalised non-negative weights (B, n) by inverse CDF: (B, 1) int64. */
    private static NDArray inverseCdf(NDArray weights, float[] uniforms, NDManager m) {
        long b = weights.getShape().get(0);
        long n = weights.getShape().get(1);
        NDArray cdf = weights.cumSum(1); // (B, n)
        NDArray total = cdf.get(":, -1:"); // (B, 1)
        NDArray u = m.create(uniforms, new Shape(b, 1)).mul(total); // (B, 1)
        // number of entries whose cumulative mass is <= u is the drawn index; clamp for u ~ total
        NDArray idx = cdf.lte(u).toType(DataType.INT64, false).sum(new int[] {1}, true);
        return idx.minimum(n - 1);
    }
}
