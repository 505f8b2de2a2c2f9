package io.grpo4j.grpo;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ai.djl.ndarray.NDManager;
import io.grpo4j.config.GrpoConfig;
import io.grpo4j.model.Decoder;
import io.grpo4j.model.ModelConfig;
import io.grpo4j.model.ModelWeights;
import io.grpo4j.model.TinyModels;
import io.grpo4j.testing.NativeResources;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class PolicyUpdateTest {
    static List<Episode> episodes(double... advantages) {
        int[][] prompts = {{5, 9, 1}, {3, 18}, {11, 4, 26, 8}, {7}};
        int[][] completions = {{2, 30, 7}, {12, 0}, {6}, {19, 20, 21, 22}};
        List<Episode> out = new java.util.ArrayList<>();
        for (int i = 0; i < 4; i++) {
            float[] lp = new float[completions[i].length];
            java.util.Arrays.fill(lp, -3.7f);
            out.add(new Episode(prompts[i], completions[i], lp, advantages[i], false));
        }
        return out;
    }

    static GrpoConfig cfg(int micro, double beta, String lossType) {
        return new GrpoConfig(2, 2, 4, micro, 1, "group", "grpo", 0.2, 0.2, lossType, "token", beta, "k3", false, false, 0);
    }

    static Map<String, float[]> snapshot(ModelWeights w) {
        Map<String, float[]> m = new LinkedHashMap<>();
        w.all().forEach((k, v) -> m.put(k, v.toFloatArray()));
        return m;
    }

    @Test
    void oneUpdateChangesEveryParameterAndNeverTheReference() {
        ModelConfig c = TinyModels.llama();
        try (NDManager m = NDManager.newBaseManager(); ModelWeights w = TinyModels.weights(c, 31, m);
                ModelWeights ref = TinyModels.weights(c, 31, m); Decoder d = new Decoder(w); Decoder rd = new Decoder(ref)) {
            w.all().values().forEach(p -> p.setRequiresGradient(true));
            Map<String, float[]> before = snapshot(w);
            Map<String, float[]> refBefore = snapshot(ref);
            try (AdamW opt = new AdamW(w.all(), 0.9, 0.99, 1e-8, 0.0, m)) {
                UpdateStats s = new PolicyUpdate(d, rd, opt, cfg(2, 0.04, "grpo"), 1f, 8, 4096)
                        .run(episodes(1, -1, 0.5, -0.5), 1e-3);
                assertEquals(1, s.optimizerSteps());
                assertTrue(Double.isFinite(s.gradNorm()) && s.gradNorm() > 0);
                // μ = 1 with the policy equal to the reference: KL is exactly 0
                assertEquals(0, s.kl(), 1e-7);
            }
            for (Map.Entry<String, float[]> e : before.entrySet()) {
                float[] now = w.get(e.getKey()).toFloatArray();
                double moved = 0;
                for (int i = 0; i < now.length; i++) {
                    moved = Math.max(moved, Math.abs(now[i] - e.getValue()[i]));
                }
                assertTrue(moved > 0, e.getKey() + " did not change");
                assertArrayEquals(refBefore.get(e.getKey()), ref.get(e.getKey()).toFloatArray(), 0f, "reference " + e.getKey());
            }
        }
    }

    @Test
    void microBatchingEqualsOneBigBatchForEveryLossType() {
        ModelConfig c = TinyModels.qwen2();
        for (String lossType : GrpoConfig.LOSS_TYPES) {
            Map<String, float[]> after = null;
            for (int micro : new int[] {4, 2, 1}) {
                try (NDManager m = NDManager.newBaseManager(); ModelWeights w = TinyModels.weights(c, 32, m);
                        Decoder d = new Decoder(w)) {
                    w.all().values().forEach(p -> p.setRequiresGradient(true));
                    // eps = 1 makes the first Adam step ≈ lr·g, so the comparison sees the summed gradients
                    // themselves (with eps = 1e-8 Adam divides tiny gradients by their own size and
                    // amplifies float noise)
                    try (AdamW opt = new AdamW(w.all(), 0.9, 0.99, 1.0, 0.0, m)) {
                        new PolicyUpdate(d, null, opt, cfg(micro, 0, lossType), 1f, 8, 4096).run(episodes(1, -1, 0.5, -0.5), 1.0);
                    }
                    Map<String, float[]> now = snapshot(w);
                    if (after == null) {
                        after = now;
                    } else {
                        for (String k : now.keySet()) {
                            assertArrayEquals(after.get(k), now.get(k), 1e-6f, lossType + " micro " + micro + " " + k);
                        }
                    }
                }
            }
        }
    }

    /** Episodes whose prompts share a 10-token instruction prefix (as a template gives). */
    static List<Episode> templated(double... advantages) {
        int[] common = {14, 2, 27, 9, 9, 31, 5, 17, 1, 23};
        List<Episode> out = new java.util.ArrayList<>();
        for (Episode e : episodes(advantages)) {
            int[] p = java.util.Arrays.copyOf(common, common.length + e.promptIds().length);
            System.arraycopy(e.promptIds(), 0, p, common.length, e.promptIds().length);
            out.add(new Episode(p, e.completionIds(), e.samplingLogProbs(), e.advantage(), e.truncated()));
        }
        return out;
    }

    @Test
    void aSharedPromptPrefixComputedOnceGivesTheSameUpdate() {
        ModelConfig c = TinyModels.qwen2();
        Map<String, float[]> reference = null;
        double[] kl = new double[2];
        for (boolean share : new boolean[] {false, true}) {
            try (NDManager m = NDManager.newBaseManager(); ModelWeights w = TinyModels.weights(c, 35, m);
                    ModelWeights ref = TinyModels.weights(c, 36, m); Decoder d = new Decoder(w); Decoder rd = new Decoder(ref)) {
                w.all().values().forEach(p -> p.setRequiresGradient(true));
                try (AdamW opt = new AdamW(w.all(), 0.9, 0.99, 1.0, 0.0, m)) {
                    GrpoConfig cfg = new GrpoConfig(2, 2, 4, 2, 2, "group", "grpo", 0.2, 0.2, "dapo", "token", 0.1, "k3", false, false, 0);
                    UpdateStats s = new PolicyUpdate(d, rd, opt, cfg, 0.8f, 8, 4096).withSharedPrefix(share)
                            .run(templated(1, -1, 0.5, -0.5), 1.0);
                    assertEquals(2, s.optimizerSteps());
                    kl[share ? 1 : 0] = s.kl();
                }
                Map<String, float[]> now = snapshot(w);
                if (reference == null) {
                    reference = now;
                } else {
                    for (String k : now.keySet()) {
                        assertArrayEquals(reference.get(k), now.get(k), 2e-6f, "shared prefix changed " + k);
                    }
                }
            }
        }
        assertTrue(kl[0] > 0, "the reference differs from the policy, so KL is positive: " + kl[0]);
        assertEquals(kl[0], kl[1], 1e-6);
    }

    @Test
    void anEntropyBonusAloneRaisesThePolicysEntropy() {
        ModelConfig c = TinyModels.llama();
        GrpoConfig cfg = new GrpoConfig(2, 2, 4, 2, 1, "group", "grpo", 0.2, 0.2, "dapo", "token", 0, "k3", false, false, 0, 0.5);
        try (NDManager m = NDManager.newBaseManager(); ModelWeights w = TinyModels.weights(c, 37, m); Decoder d = new Decoder(w)) {
            w.all().values().forEach(p -> p.setRequiresGradient(true));
            try (AdamW opt = new AdamW(w.all(), 0.9, 0.99, 1e-8, 0.0, m)) {
                PolicyUpdate u = new PolicyUpdate(d, null, opt, cfg, 1f, 8, 4096);
                // zero advantages: the surrogate has no gradient, only the bonus moves the weights
                double first = u.run(episodes(0, 0, 0, 0), 1e-2).entropy();
                double last = first;
                for (int i = 0; i < 5; i++) {
                    UpdateStats s = u.run(episodes(0, 0, 0, 0), 1e-2);
                    assertEquals(1, s.optimizerSteps());
                    assertTrue(s.entropy() > last, "entropy " + s.entropy() + " after " + last);
                    last = s.entropy();
                }
                assertTrue(last < Math.log(c.vocabSize()) + 1e-6, "entropy above the uniform bound: " + last);
            }
        }
    }

    /** The weights after one update of {@code eps} with an entropy bonus of {@code coef}. */
    static Map<String, float[]> afterOneUpdate(List<Episode> eps, double coef) {
        GrpoConfig cfg = new GrpoConfig(2, 2, 4, 2, 1, "group", "grpo", 0.2, 0.2, "dapo", "token", 0, "k3", false, false, 0, coef);
        try (NDManager m = NDManager.newBaseManager(); ModelWeights w = TinyModels.weights(TinyModels.llama(), 38, m);
                Decoder d = new Decoder(w)) {
            w.all().values().forEach(p -> p.setRequiresGradient(true));
            try (AdamW opt = new AdamW(w.all(), 0.9, 0.99, 1.0, 0.0, m)) {
                new PolicyUpdate(d, null, opt, cfg, 1f, 8, 4096).run(eps, 1.0);
            }
            return snapshot(w);
        }
    }

    static List<Episode> withEntropyFrom(List<Episode> eps, int... from) {
        List<Episode> out = new java.util.ArrayList<>();
        for (int i = 0; i < eps.size(); i++) {
            Episode e = eps.get(i);
            out.add(new Episode(e.promptIds(), e.completionIds(), e.samplingLogProbs(), e.advantage(), e.truncated(), from[i]));
        }
        return out;
    }

    @Test
    void theEntropyBonusCoversOnlyTheTokensFromEachEpisodesEntropyStart() {
        List<Episode> eps = episodes(1, -1, 0.5, -0.5);
        Map<String, float[]> noBonus = afterOneUpdate(eps, 0);
        // every span empty (start = completion length): the bonus has nothing to act on
        Map<String, float[]> emptySpans = afterOneUpdate(withEntropyFrom(eps, 3, 2, 1, 4), 0.5);
        Map<String, float[]> lastTokens = afterOneUpdate(withEntropyFrom(eps, 3, 2, 1, 3), 0.5);
        Map<String, float[]> allTokens = afterOneUpdate(eps, 0.5);
        double lastMoved = 0;
        double allMoved = 0;
        for (String k : noBonus.keySet()) {
            assertArrayEquals(noBonus.get(k), emptySpans.get(k), 0f, k);
            for (int i = 0; i < noBonus.get(k).length; i++) {
                lastMoved = Math.max(lastMoved, Math.abs(lastTokens.get(k)[i] - noBonus.get(k)[i]));
                allMoved = Math.max(allMoved, Math.abs(allTokens.get(k)[i] - lastTokens.get(k)[i]));
            }
        }
        assertTrue(lastMoved > 1e-6, "a one-token span (the last token of episode 4) changes the update: " + lastMoved);
        assertTrue(allMoved > 1e-6, "spans over every token change it further: " + allMoved);
    }

    @Test
    void aNonFiniteGradientSkipsTheOptimizerStepAndLeavesWeightsUnchanged() {
        ModelConfig c = TinyModels.llama();
        try (NDManager m = NDManager.newBaseManager(); ModelWeights w = TinyModels.weights(c, 34, m); Decoder d = new Decoder(w)) {
            w.all().values().forEach(p -> p.setRequiresGradient(true));
            Map<String, float[]> before = snapshot(w);
            try (AdamW opt = new AdamW(w.all(), 0.9, 0.99, 1e-8, 0.0, m)) {
                // one NaN advantage poisons the loss, hence the whole gradient of the minibatch
                UpdateStats s = new PolicyUpdate(d, null, opt, cfg(2, 0, "dapo"), 1f, 8, 4096)
                        .run(episodes(Double.NaN, 1, -1, 0), 1e-2);
                assertEquals(0, s.optimizerSteps());
                assertEquals(1, s.skippedNonFinite());
                assertTrue(Double.isNaN(s.gradNorm()), "mean norm over no steps: " + s.gradNorm());
                assertEquals(0, opt.stepCount());
            }
            for (Map.Entry<String, float[]> e : before.entrySet()) {
                assertArrayEquals(e.getValue(), w.get(e.getKey()).toFloatArray(), 0f, e.getKey());
            }
        }
    }

    @Test
    void zeroAdvantagesWithoutKlLeaveWeightsUnchangedAndLeakNothing() {
        ModelConfig c = TinyModels.llama();
        try (NDManager m = NDManager.newBaseManager(); ModelWeights w = TinyModels.weights(c, 33, m); Decoder d = new Decoder(w)) {
            w.all().values().forEach(p -> p.setRequiresGradient(true));
            Map<String, float[]> before = snapshot(w);
            try (AdamW opt = new AdamW(w.all(), 0.9, 0.99, 1e-8, 0.0, m)) {
                PolicyUpdate u = new PolicyUpdate(d, null, opt, cfg(2, 0, "dapo"), 1f, 8, 4096);
                int live = -1;
                for (int i = 0; i < 20; i++) {
                    UpdateStats s = u.run(episodes(0, 0, 0, 0), 1e-2);
                    // Zero advantages give a zero gradient, and no update.
                    assertEquals(0, s.gradNorm(), "grad norm");
                    assertEquals(0, s.skippedNonFinite(), "skipped");
                    if (i == 2) {
                        live = NativeResources.count(w.manager());
                    }
                }
                assertEquals(live, NativeResources.count(w.manager()), "arrays left behind by updates");
            }
            for (Map.Entry<String, float[]> e : before.entrySet()) {
                assertArrayEquals(e.getValue(), w.get(e.getKey()).toFloatArray(), 0f, e.getKey());
            }
        }
    }
}
