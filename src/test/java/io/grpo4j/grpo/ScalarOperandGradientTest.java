package io.grpo4j.grpo;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import ai.djl.engine.Engine;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import ai.djl.training.GradientCollector;
import io.grpo4j.config.GrpoConfig;
import io.grpo4j.model.Decoder;
import io.grpo4j.model.ModelConfig;
import io.grpo4j.model.ModelWeights;
import io.grpo4j.model.Scalars;
import io.grpo4j.model.TinyModels;
import io.grpo4j.model.TokenLogProbs;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * Gradients must not depend on what the garbage collector does between forward and backward.
 *
 * <p>DJL's {@code x.mul(2f)} puts the 2 in a tensor over a Java direct buffer that it closes at
 * once; autograd keeps the tensor for backward and reads the buffer after the GC has freed it.
 * With the churn below, plain {@code mul(Number)} gave a wrong gradient in 151 of 200 tries here
 * (values 0, 777, 1.4e-45). These tests churn the heap and direct memory between forward and
 * backward, so any scalar operand still taken from DJL's Number overloads on the training path
 * shows up as a gradient that differs from the quiet run.
 */
class ScalarOperandGradientTest {
    /** Frees unreachable direct buffers and refills freed native memory with 777f. */
    private static void churn() {
        System.gc();
        List<ByteBuffer> junk = new ArrayList<>();
        for (int k = 0; k < 4000; k++) {
            ByteBuffer b = ByteBuffer.allocateDirect(4).order(ByteOrder.nativeOrder());
            b.putFloat(0, 777f);
            junk.add(b);
        }
    }

    @Test
    void scalarHelpersKeepTheirOperandAliveForBackward() {
        for (int it = 0; it < 50; it++) {
            try (NDManager m = NDManager.newBaseManager()) {
                NDArray x = m.create(new float[] {1, 2, 3, 4});
                x.setRequiresGradient(true);
                try (GradientCollector gc = Engine.getInstance().newGradientCollector()) {
                    // d/dx Σ (3x / 2)^2 = 2 · (3x / 2) · 3/2 = 4.5 x
                    NDArray y = Scalars.pow(Scalars.div(Scalars.mul(x, 3), 2), 2).sum();
                    churn();
                    gc.backward(y);
                }
                assertArrayEquals(new float[] {4.5f, 9f, 13.5f, 18f}, x.getGradient().toFloatArray(), 1e-5f, "try " + it);
            }
        }
    }

    @Test
    void policyGradientIsTheSameWithAndWithoutChurnForEveryLossAndKlEstimator() {
        ModelConfig c = TinyModels.qwen2();
        for (String lossType : GrpoConfig.LOSS_TYPES) {
            for (String kl : new String[] {"k1", "k2", "k3"}) {
                Map<String, float[]> quiet = gradients(c, lossType, kl, false);
                Map<String, float[]> churned = gradients(c, lossType, kl, true);
                assertEquals(quiet.keySet(), churned.keySet());
                for (String k : quiet.keySet()) {
                    assertArrayEquals(quiet.get(k), churned.get(k), 1e-6f, lossType + " " + kl + " " + k);
                }
            }
        }
    }

    /** Gradients of the GRPO loss (temperature 0.7, β 0.1, GSPO-free) of a fixed batch. */
    private static Map<String, float[]> gradients(ModelConfig c, String lossType, String kl, boolean churn) {
        GrpoConfig cfg = new GrpoConfig(2, 2, 2, 2, 1, "group", "grpo", 0.2, 0.28, lossType, "token", 0.1, kl, false, false, 0);
        try (NDManager m = NDManager.newBaseManager(); ModelWeights w = TinyModels.weights(c, 41, m); Decoder d = new Decoder(w)) {
            w.all().values().forEach(p -> p.setRequiresGradient(true));
            NDArray ids = m.create(new long[] {5, 9, 1, 2, 30, 7, 3, 18, 12, 0, 6, 4}, new Shape(2, 6));
            NDArray positions = m.create(new long[] {0, 1, 2, 3, 4, 5, 0, 1, 2, 3, 4, 5}, new Shape(2, 6));
            NDArray attention = m.create(new long[] {1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 0}, new Shape(2, 6));
            NDArray targets = m.create(new long[] {2, 30, 7, 0, 12, 0, 6, 0}, new Shape(2, 4)); // completions at positions 2..5
            NDArray mask = m.create(new float[] {1, 1, 1, 0, 1, 1, 1, 0}, new Shape(2, 4));
            NDArray old = m.create(new float[] {-3.1f, -3.5f, -2.9f, 0, -3.3f, -3.6f, -3.0f, 0}, new Shape(2, 4));
            NDArray ref = m.create(new float[] {-3.0f, -3.4f, -3.2f, 0, -3.1f, -3.7f, -3.3f, 0}, new Shape(2, 4));
            NDArray adv = m.create(new float[] {0.8f, -0.8f});
            try (GradientCollector gc = Engine.getInstance().newGradientCollector()) {
                NDArray hidden = d.hidden(ids, positions, attention, null).get(":, 1:5, :"); // (2, 4, H)
                NDArray lp = TokenLogProbs.compute(d, hidden, targets, 0.7f, 4);
                NDArray loss = GrpoLoss.compute(lp, old, ref, adv, mask, cfg, 6).loss();
                if (churn) {
                    churn();
                }
                gc.backward(loss);
            }
            Map<String, float[]> grads = new LinkedHashMap<>();
            w.all().forEach((k, v) -> {
                try (NDArray g = v.getGradient()) {
                    grads.put(k, g.toFloatArray());
                }
            });
            return grads;
        }
    }
}
