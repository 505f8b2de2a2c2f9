package io.grpo4j.grpo;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDArrays;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDScope;
import ai.djl.ndarray.index.NDIndex;
import java.util.Collection;

/**
 * Gradient housekeeping. On the PyTorch engine gradients accumulate across backward calls until
 * cleared (that is how micro-batches add up), so clearing is explicit.
 */
public final class Gradients {
    private Gradients() {}

    /** Sets every gradient to 0 (a fill, so NaN gradients are cleared too). */
    public static void zero(Collection<NDArray> params) {
        try (NDScope scope = new NDScope()) {
            for (NDArray p : params) {
                p.getGradient().set(new NDIndex("..."), 0f);
            }
        }
    }

    /**
     * Global L2 norm of all gradients (one host sync); when finite and above {@code maxNorm}
     * (&gt; 0), scales every gradient in place to that norm. Returns the norm before clipping.
     */
    public static double clipGlobalNorm(Collection<NDArray> params, double maxNorm) {
        try (NDScope scope = new NDScope()) {
            NDList squares = new NDList();
            for (NDArray p : params) {
                squares.add(p.getGradient().square().sum());
            }
            double norm = Math.sqrt(NDArrays.stack(squares).sum().getFloat());
            if (maxNorm > 0 && Double.isFinite(norm) && norm > maxNorm) {
                float scale = (float) (maxNorm / (norm + 1e-6));
                for (NDArray p : params) {
                    p.getGradient().muli(scale);
                }
            }
            return norm;
        }
    }
}
