package io.grpo4j.grpo;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.NDScope;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * AdamW as torch.optim.AdamW computes it (bias-corrected moments, ε added after the square
 * root, decoupled weight decay applied first), written here rather than using DJL's optimizer so
 * the moments can be checkpointed and restored exactly. Norm gains and biases get no decay.
 *
 * <p>Moments live in the optimizer's own manager, created eagerly so that no step scope can
 * close them. Updates run in place, outside any gradient collector.
 */
public final class AdamW implements AutoCloseable {
    private final NDManager manager;
    private final Map<String, NDArray> params;
    private final Map<String, NDArray> m = new LinkedHashMap<>(); // first moments, same shapes as params
    private final Map<String, NDArray> v = new LinkedHashMap<>(); // second moments
    private final double beta1;
    private final double beta2;
    private final double eps;
    private final double weightDecay;
    private long step;

    public AdamW(Map<String, NDArray> params, double beta1, double beta2, double eps, double weightDecay, NDManager parent) {
        this.manager = parent.newSubManager();
        this.params = params;
        this.beta1 = beta1;
        this.beta2 = beta2;
        this.eps = eps;
        this.weightDecay = weightDecay;
        for (Map.Entry<String, NDArray> e : params.entrySet()) {
            NDArray mz = manager.zeros(e.getValue().getShape());
            NDArray vz = manager.zeros(e.getValue().getShape());
            NDScope.unregister(mz, vz);
            m.put(e.getKey(), mz);
            v.put(e.getKey(), vz);
        }
    }

    /** Norm gains and biases are not decayed (the usual no-decay group). */
    static boolean decays(String name) {
        return !(name.endsWith("norm.weight") || name.endsWith(".bias"));
    }

    /** One update of every parameter from its accumulated gradient. */
    public void step(double lr) {
        step++;
        double c1 = 1 - Math.pow(beta1, step);
        double c2 = 1 - Math.pow(beta2, step);
        try (NDScope scope = new NDScope()) {
            for (Map.Entry<String, NDArray> e : params.entrySet()) {
                NDArray p = e.getValue();
                NDArray g = p.getGradient();
                NDArray mi = m.get(e.getKey());
                NDArray vi = v.get(e.getKey());
                mi.muli((float) beta1).addi(g.mul((float) (1 - beta1)));
                vi.muli((float) beta2).addi(g.square().muli((float) (1 - beta2)));
                if (weightDecay > 0 && decays(e.getKey())) {
                    p.muli((float) (1 - lr * weightDecay));
                }
                NDArray denom = vi.div((float) c2).sqrt().addi((float) eps);
                p.subi(mi.div(denom).muli((float) (lr / c1)));
            }
        }
    }

    public long stepCount() {
        return step;
    }

    /** Moments by name ("exp_avg/NAME", "exp_avg_sq/NAME"), for checkpoints. */
    public Map<String, NDArray> state() {
        Map<String, NDArray> out = new LinkedHashMap<>();
        m.forEach((k, a) -> out.put("exp_avg/" + k, a));
        v.forEach((k, a) -> out.put("exp_avg_sq/" + k, a));
        return out;
    }

    /** Restores moments and the step count written by {@link #state()}. */
    public void restore(Map<String, float[]> moments, long stepCount) {
        for (Map.Entry<String, NDArray> e : state().entrySet()) {
            float[] values = moments.get(e.getKey());
            if (values == null || values.length != e.getValue().size()) {
                throw new IllegalArgumentException("optimizer state lacks or mis-sizes '" + e.getKey() + "'");
            }
            e.getValue().set(values);
        }
        this.step = stepCount;
    }

    @Override
    public void close() {
        manager.close();
    }
}
