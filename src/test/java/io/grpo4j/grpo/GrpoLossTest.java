package io.grpo4j.grpo;

import static org.junit.jupiter.api.Assertions.assertEquals;

import ai.djl.engine.Engine;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import ai.djl.training.GradientCollector;
import io.grpo4j.config.GrpoConfig;
import org.junit.jupiter.api.Test;

class GrpoLossTest {
    // Two sequences of 3 tokens; the second has only 2 real tokens.
    private static final float[] LOGP = {-1.0f, -2.0f, -0.5f, -1.5f, -0.2f, -3.0f};
    private static final float[] OLD = {-1.1f, -1.7f, -0.5f, -1.0f, -0.9f, -3.0f};
    private static final float[] REF = {-1.2f, -2.0f, -0.4f, -1.5f, -0.1f, -3.0f};
    private static final float[] MASK = {1, 1, 1, 1, 1, 0};
    private static final float[] ADV = {1.0f, -2.0f};

    static GrpoConfig cfg(String lossType, String level, double beta, String kl) {
        return new GrpoConfig(2, 1, 2, 2, 1, "group", "grpo", 0.2, 0.28, lossType, level, beta, kl, false, false, 0);
    }

    /** Per-token surrogate by hand: ratio r = exp(logp − old), −min(rA, clip(r, 0.8, 1.28) A). */
    static double tokenLoss(int i) {
        double r = Math.exp(LOGP[i] - OLD[i]);
        double a = ADV[i / 3];
        return -Math.min(r * a, Math.max(0.8, Math.min(1.28, r)) * a);
    }

    static double k3(int i) {
        double d = REF[i] - LOGP[i];
        return Math.exp(d) - d - 1;
    }

    private static double loss(GrpoConfig c, double normalizer, boolean withRef) {
        try (NDManager m = NDManager.newBaseManager()) {
            Shape s = new Shape(2, 3);
            return GrpoLoss.compute(m.create(LOGP, s), m.create(OLD, s), withRef ? m.create(REF, s) : null, m.create(ADV),
                    m.create(MASK, s), c, normalizer).loss().getFloat();
        }
    }

    @Test
    void entropyBonusSubtractsTheWeightedMaskedEntropyAggregatedLikeTheSurrogate() {
        float[] entropy = {2.0f, 1.0f, 0.5f, 3.0f, 1.5f, 9.0f}; // the last token is masked out
        GrpoConfig dapo = new GrpoConfig(2, 1, 2, 2, 1, "group", "grpo", 0.2, 0.28, "dapo", "token", 0, "k3", false, false, 0, 0.1);
        GrpoConfig grpo = new GrpoConfig(2, 1, 2, 2, 1, "group", "grpo", 0.2, 0.28, "grpo", "token", 0, "k3", false, false, 0, 0.1);
        try (NDManager m = NDManager.newBaseManager()) {
            Shape s = new Shape(2, 3);
            // dapo: Σ (ℓ − 0.1·H) / 5 over the 5 real tokens; the bonus alone is −0.1·8/5 = −0.16
            double dapoLoss = GrpoLoss.compute(m.create(LOGP, s), m.create(OLD, s), null, m.create(entropy, s), m.create(ADV),
                    m.create(MASK, s), dapo, 5).loss().getFloat();
            assertEquals(loss(cfg("dapo", "token", 0, "k3"), 5, false) - 0.16, dapoLoss, 1e-5);
            // grpo: per-sequence means: 0.1·(3.5/3 + 4.5/2) / 2 = 0.17083
            double grpoLoss = GrpoLoss.compute(m.create(LOGP, s), m.create(OLD, s), null, m.create(entropy, s), m.create(ADV),
                    m.create(MASK, s), grpo, 2).loss().getFloat();
            assertEquals(loss(cfg("grpo", "token", 0, "k3"), 2, false) - 0.1 * (3.5 / 3 + 4.5 / 2) / 2, grpoLoss, 1e-5);
        }
    }

    @Test
    void grpoAveragesEachSequenceThenSequences() {
        // token 0: r = e^0.1 = 1.105, A = 1 → −1.105; token 1: r = e^−0.3 = 0.741, A = 1 → −0.741 (min picks r·A);
        // token 2: r = 1 → −1; token 3: r = e^−0.5 = 0.607, A = −2, clip 0.8 → −min(−1.213, −1.6) = 1.6;
        // token 4: r = e^0.7 = 2.014, A = −2 → −min(−4.028, −2.56) = 4.028
        double seq0 = (tokenLoss(0) + tokenLoss(1) + tokenLoss(2)) / 3;
        double seq1 = (tokenLoss(3) + tokenLoss(4)) / 2;
        assertEquals(1.6, tokenLoss(3), 1e-6);
        assertEquals(-Math.exp(0.1), tokenLoss(0), 1e-6);
        assertEquals((seq0 + seq1) / 2, loss(cfg("grpo", "token", 0, "k3"), 2, false), 1e-5);
    }

    @Test
    void bnpoDapoAndDrGrpoDivideTheTokenSum() {
        double sum = 0;
        for (int i = 0; i < 5; i++) {
            sum += tokenLoss(i);
        }
        assertEquals(sum / 5, loss(cfg("bnpo", "token", 0, "k3"), 5, false), 1e-5); // tokens in the minibatch
        assertEquals(sum / 40, loss(cfg("dapo", "token", 0, "k3"), 40, false), 1e-5); // tokens in the whole generation batch
        assertEquals(sum / (2 * 8), loss(cfg("dr_grpo", "token", 0, "k3"), 2 * 8, false), 1e-5); // 2 sequences × 8 max tokens
    }

    @Test
    void k3KlIsAddedPerToken() {
        double sum = 0;
        for (int i = 0; i < 5; i++) {
            sum += tokenLoss(i) + 0.1 * k3(i);
        }
        // token 0: d = −0.2 → e^−0.2 + 0.2 − 1 = 0.01873
        assertEquals(0.018731, k3(0), 1e-6);
        assertEquals(sum / 5, loss(cfg("bnpo", "token", 0.1, "k3"), 5, true), 1e-5);
    }

    @Test
    void gspoUsesOneRatioPerSequence() {
        // sequence 0: mean log-ratio (0.1 − 0.3 + 0)/3 = −0.0667 → s = 0.9355, A = 1 → −0.9355 per token
        // sequence 1: mean (−0.5 + 0.7)/2 = 0.1 → s = 1.1052, A = −2 → −min(−2.2103, −2.2103) = 2.2103 per token
        double s0 = Math.exp((0.1 - 0.3 + 0) / 3);
        double s1 = Math.exp(0.1);
        double expected = (3 * -s0 + 2 * 2 * s1) / 5;
        assertEquals(expected, loss(cfg("bnpo", "sequence", 0, "k3"), 5, false), 1e-5);
    }

    @Test
    void muOneRatioIsOneAndGradientMatchesFiniteDifferences() {
        GrpoConfig c = cfg("grpo", "token", 0.05, "k3");
        try (NDManager m = NDManager.newBaseManager()) {
            Shape s = new Shape(2, 3);
            NDArray logp = m.create(LOGP, s);
            logp.setRequiresGradient(true);
            float[] grad;
            try (GradientCollector gc = Engine.getInstance().newGradientCollector()) {
                GrpoLoss.Result r = GrpoLoss.compute(logp, logp.stopGradient(), m.create(REF, s), m.create(ADV), m.create(MASK, s), c, 2);
                gc.backward(r.loss());
                grad = logp.getGradient().toFloatArray();
            }
            // With old = logp (μ = 1) the loss at fixed old is f(x) = mean over seqs of mean over tokens of
            // −A·exp(x − x0) + β k3; its derivative at x = x0 is −A/|o|/G + β ∂k3. Check against central differences.
            double eps = 1e-3;
            for (int i = 0; i < 6; i++) {
                float[] plus = LOGP.clone();
                float[] minus = LOGP.clone();
                plus[i] += eps;
                minus[i] -= eps;
                double fp = GrpoLoss.compute(m.create(plus, s), m.create(LOGP, s), m.create(REF, s), m.create(ADV),
                        m.create(MASK, s), c, 2).loss().getFloat();
                double fm = GrpoLoss.compute(m.create(minus, s), m.create(LOGP, s), m.create(REF, s), m.create(ADV),
                        m.create(MASK, s), c, 2).loss().getFloat();
                assertEquals((fp - fm) / (2 * eps), grad[i], 2e-3, "d loss / d logp[" + i + "]");
            }
            // token 0 by hand: −A/(3·2) + β·(1 − e^{ref − logp})/(3·2) = −1/6 + 0.05·(1 − e^−0.2)/6
            assertEquals(-1.0 / 6 + 0.05 * (1 - Math.exp(-0.2)) / 6, grad[0], 1e-5);
            assertEquals(0f, grad[5], 0f); // masked
        }
    }
}
