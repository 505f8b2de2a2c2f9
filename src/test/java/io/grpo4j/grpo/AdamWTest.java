package io.grpo4j.grpo;

import static org.junit.jupiter.api.Assertions.assertEquals;

import ai.djl.engine.Engine;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.training.GradientCollector;
import java.util.LinkedHashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;

class AdamWTest {
    @Test
    void twoStepsMatchTorchAdamWByHandAndSkipDecayForNorms() {
        try (NDManager m = NDManager.newBaseManager()) {
            NDArray w = m.create(new float[] {1.0f, -2.0f});
            NDArray g = m.create(new float[] {0.5f});
            Map<String, NDArray> params = new LinkedHashMap<>();
            params.put("model.layers.0.mlp.up_proj.weight", w);
            params.put("model.norm.weight", g);
            params.values().forEach(p -> p.setRequiresGradient(true));
            double lr = 0.1;
            double wd = 0.5;
            try (AdamW opt = new AdamW(params, 0.9, 0.999, 1e-8, wd, m)) {
                // loss = 3·w0 + w1² + g  → dw = (3, 2·w1), dg = 1
                double[] ws = {1.0, -2.0};
                double gs = 0.5;
                double[] mw = new double[2];
                double[] vw = new double[2];
                double mg = 0;
                double vg = 0;
                for (int t = 1; t <= 2; t++) {
                    Gradients.zero(params.values());
                    try (GradientCollector gc = Engine.getInstance().newGradientCollector()) {
                        gc.backward(w.get(0).mul(3).add(w.get(1).square()).add(g.sum()));
                    }
                    opt.step(lr);
                    // reference: torch AdamW — decay first (w *= 1 − lr·wd), then bias-corrected Adam
                    double[] grads = {3, 2 * ws[1]};
                    for (int i = 0; i < 2; i++) {
                        mw[i] = 0.9 * mw[i] + 0.1 * grads[i];
                        vw[i] = 0.999 * vw[i] + 0.001 * grads[i] * grads[i];
                        ws[i] *= 1 - lr * wd;
                        ws[i] -= lr * (mw[i] / (1 - Math.pow(0.9, t))) / (Math.sqrt(vw[i] / (1 - Math.pow(0.999, t))) + 1e-8);
                    }
                    mg = 0.9 * mg + 0.1;
                    vg = 0.999 * vg + 0.001;
                    gs -= lr * (mg / (1 - Math.pow(0.9, t))) / (Math.sqrt(vg / (1 - Math.pow(0.999, t))) + 1e-8); // no decay
                    float[] got = w.toFloatArray();
                    assertEquals(ws[0], got[0], 1e-5, "w0 after step " + t);
                    assertEquals(ws[1], got[1], 1e-5, "w1 after step " + t);
                    assertEquals(gs, g.getFloat(0), 1e-5, "norm gain after step " + t);
                }
                // first step of Adam moves each weight by ~lr whatever the gradient scale
                assertEquals(2, opt.stepCount());
            }
        }
    }

    @Test
    void clippingScalesToTheMaximumNormAndReportsTheNormBefore() {
        try (NDManager m = NDManager.newBaseManager()) {
            NDArray a = m.create(new float[] {1f, 2f});
            NDArray b = m.create(new float[] {2f});
            a.setRequiresGradient(true);
            b.setRequiresGradient(true);
            try (GradientCollector gc = Engine.getInstance().newGradientCollector()) {
                gc.backward(a.mul(m.create(new float[] {3f, 0f})).sum().add(b.mul(4f).sum())); // grads (3, 0), (4): norm 5
            }
            double norm = Gradients.clipGlobalNorm(java.util.List.of(a, b), 1.0);
            assertEquals(5.0, norm, 1e-6);
            assertEquals(0.6f, a.getGradient().getFloat(0), 1e-5);
            assertEquals(0.8f, b.getGradient().getFloat(0), 1e-5);
            Gradients.zero(java.util.List.of(a, b));
            assertEquals(0f, a.getGradient().abs().sum().getFloat());
        }
    }
}
