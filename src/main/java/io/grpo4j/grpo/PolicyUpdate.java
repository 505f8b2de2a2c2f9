package io.grpo4j.grpo;

import ai.djl.engine.Engine;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.NDScope;
import ai.djl.ndarray.index.NDIndex;
import ai.djl.ndarray.types.Shape;
import ai.djl.training.GradientCollector;
import io.grpo4j.config.GrpoConfig;
import io.grpo4j.model.Decoder;
import io.grpo4j.model.TokenLogProbs;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;

/**
 * The policy update of one step: μ passes over the episodes, each split into minibatches (one
 * optimizer step each) of micro-batches (one forward/backward each, gradients accumulating).
 * Old log-probs for the ratio are the policy's own before the first pass (μ = 1: the current
 * values, detached, so the ratio is exactly 1); reference log-probs come from the frozen copy.
 * Every tensor lives and dies inside this call.
 */
public final class PolicyUpdate {
    private final Decoder policy;
    private final Decoder reference; // null when β = 0
    private final AdamW optimizer;
    private final GrpoConfig cfg;
    private final float temperature;
    private final int maxCompletionTokens;
    private final int chunkTokens;
    private final Collection<NDArray> params;

    public PolicyUpdate(Decoder policy, Decoder reference, AdamW optimizer, GrpoConfig cfg, float temperature,
            int maxCompletionTokens, int chunkTokens) {
        this.policy = policy;
        this.reference = cfg.beta() > 0 ? reference : null;
        if (cfg.beta() > 0 && reference == null) {
            throw new IllegalArgumentException("grpo.beta > 0 needs a reference model");
        }
        this.optimizer = optimizer;
        this.cfg = cfg;
        this.temperature = temperature > 0 ? temperature : 1f;
        this.maxCompletionTokens = maxCompletionTokens;
        this.chunkTokens = chunkTokens;
        this.params = policy.weights().all().values();
    }

    /** Shared prefixes shorter than this are not worth a separate pass. */
    static final int MIN_SHARED_PREFIX = 8;

    /**
     * Right-padded tensors of a micro-batch after the shared prefix (the first {@code shared}
     * tokens, identical in every row and computed once), restricted to the window
     * [from, to) of completion positions, counted after the prefix.
     */
    private record Batch(NDArray ids, NDArray positions, NDArray attention, NDArray targets, NDArray mask,
            NDArray entropyMask, int from, int to, float[] samplingLogProbs, int[] sharedIds) {}

    /**
     * The prompt tokens every episode starts with (the template's instructions), cut so that
     * each prompt keeps at least its last token, whose state predicts the first completion
     * token; empty when shorter than {@link #MIN_SHARED_PREFIX} or when sharing is off.
     */
    private int[] sharedPrefix(List<Episode> eps) {
        if (!sharePrefix || eps.isEmpty()) {
            return new int[0];
        }
        int[] first = eps.get(0).promptIds();
        int n = first.length - 1;
        for (Episode e : eps) {
            int[] p = e.promptIds();
            n = Math.min(n, p.length - 1);
            for (int i = 0; i < n; i++) {
                if (p[i] != first[i]) {
                    n = i;
                    break;
                }
            }
        }
        return n >= MIN_SHARED_PREFIX ? java.util.Arrays.copyOf(first, n) : new int[0];
    }

    private Batch batch(List<Episode> eps, NDManager m, int[] sharedIds) {
        int shared = sharedIds.length;
        int b = eps.size();
        int width = 0;
        int from = Integer.MAX_VALUE;
        for (Episode e : eps) {
            width = Math.max(width, e.promptIds().length + e.completionIds().length);
            from = Math.min(from, e.promptIds().length - 1);
        }
        int to = width - 1; // last position that predicts a token
        int w = to - from;
        width -= shared;
        from -= shared;
        to -= shared;
        long[] ids = new long[b * width];
        long[] pos = new long[b * width];
        long[] att = new long[b * width];
        long[] tgt = new long[b * w];
        float[] mask = new float[b * w];
        float[] entropyMask = new float[b * w];
        float[] sampling = new float[b * w];
        for (int r = 0; r < b; r++) {
            Episode e = eps.get(r);
            int p = e.promptIds().length - shared; // prompt tokens after the shared prefix
            int n = p + e.completionIds().length;
            for (int i = 0; i < n; i++) {
                ids[r * width + i] = i < p ? e.promptIds()[shared + i] : e.completionIds()[i - p];
                pos[r * width + i] = shared + i;
                att[r * width + i] = 1;
            }
            boolean counts = !(cfg.maskTruncatedCompletions() && e.truncated());
            for (int k = 0; k < e.completionIds().length; k++) {
                int col = p - 1 + k - from; // position p-1+k predicts completion token k
                tgt[r * w + col] = e.completionIds()[k];
                mask[r * w + col] = counts ? 1f : 0f;
                entropyMask[r * w + col] = counts && k >= e.entropyFrom() ? 1f : 0f;
                sampling[r * w + col] = e.samplingLogProbs()[k];
            }
        }
        Shape full = new Shape(b, width);
        Shape window = new Shape(b, w);
        return new Batch(m.create(ids, full), m.create(pos, full), m.create(att, full), m.create(tgt, window),
                m.create(mask, window), m.create(entropyMask, window), from, to, sampling, sharedIds);
    }

    /**
     * (b, to − from) log-probs of the targets under {@code d}; with {@code entropy}, the entropy
     * goes to {@code entropyOut[0]}, differentiable when {@code entropyOut} has two slots.
     */
    private NDArray logProbs(Decoder d, Batch x, boolean entropy, NDArray[] entropyOut) {
        NDArray all;
        if (x.sharedIds.length > 0) {
            long[] prefixIds = java.util.Arrays.stream(x.sharedIds).asLongStream().toArray();
            Decoder.SharedPrefix prefix = d.prefix(x.ids.getManager().create(prefixIds, new Shape(1, prefixIds.length)));
            all = d.hiddenAfter(prefix, x.ids, x.positions, x.attention);
        } else {
            all = d.hidden(x.ids, x.positions, x.attention, null);
        }
        NDArray hidden = all.get(new NDIndex(":, {}:{}, :", x.from, x.to));
        if (entropy) {
            NDArray[] both = entropyOut.length > 1
                    ? TokenLogProbs.withDifferentiableEntropy(d, hidden, x.targets, temperature, chunkTokens)
                    : TokenLogProbs.withEntropy(d, hidden, x.targets, temperature, chunkTokens);
            entropyOut[0] = both[1];
            return both[0];
        }
        return TokenLogProbs.compute(d, hidden, x.targets, temperature, chunkTokens);
    }

    /**
     * Runs the update.
     *
     * @param episodes the step's completions (their advantages already computed)
     * @param lr learning rate for this step's optimizer updates
     */
    public UpdateStats run(List<Episode> episodes, double lr) {
        return run(episodes, lr, cfg.entropyCoef());
    }

    /**
     * Runs the update with an entropy-bonus weight other than the config's (an adapted one, see
     * {@link EntropyController}).
     */
    public UpdateStats run(List<Episode> episodes, double lr, double entropyCoef) {
        int micro = cfg.microBatchSize();
        int mini = Math.min(cfg.minibatchSize(), episodes.size());
        // Fixed (no-grad) inputs of the loss: old and reference log-probs, per micro-batch.
        List<List<Episode>> micros = new ArrayList<>();
        for (int i = 0; i < episodes.size(); i += micro) {
            micros.add(episodes.subList(i, Math.min(episodes.size(), i + micro)));
        }
        int[] shared = sharedPrefix(episodes);
        List<float[]> oldLogp = new ArrayList<>();
        List<float[]> refLogp = new ArrayList<>();
        double gapSum = 0;
        double gapMax = 0;
        double entropySum = 0;
        double activeTokens = 0;
        double bonusEntropySum = 0;
        double bonusTokens = 0;
        for (List<Episode> mb : micros) {
            try (NDManager m = policy.weights().manager().newSubManager(); NDScope scope = new NDScope()) {
                Batch x = batch(mb, m, shared);
                NDArray[] ent = new NDArray[1];
                NDArray lp = logProbs(policy, x, true, ent);
                float[] lpv = lp.toFloatArray();
                float[] mask = x.mask.toFloatArray();
                float[] entv = ent[0].toFloatArray();
                float[] bonusMask = x.entropyMask.toFloatArray();
                for (int i = 0; i < lpv.length; i++) {
                    if (bonusMask[i] > 0) {
                        bonusEntropySum += entv[i];
                        bonusTokens++;
                    }
                    if (mask[i] > 0) {
                        double gap = Math.abs(lpv[i] - x.samplingLogProbs[i]);
                        gapSum += gap;
                        gapMax = Math.max(gapMax, gap);
                        entropySum += entv[i];
                        activeTokens++;
                    }
                }
                oldLogp.add(lpv);
                refLogp.add(reference == null ? null : logProbs(reference, x, false, null).toFloatArray());
            }
        }
        double totalActive = Math.max(1, activeTokens);
        double lossSum = 0;
        double klSum = 0;
        double lowSum = 0;
        double highSum = 0;
        double normSum = 0;
        int steps = 0;
        int skipped = 0;
        int minibatches = 0;
        int microsPerMini = Math.max(1, mini / micro);
        for (int iter = 0; iter < cfg.numIterations(); iter++) {
            for (int start = 0; start < micros.size(); start += microsPerMini) {
                int end = Math.min(micros.size(), start + microsPerMini);
                double normalizer = normalizer(micros.subList(start, end), totalActive);
                Gradients.zero(params);
                for (int k = start; k < end; k++) {
                    try (NDManager m = policy.weights().manager().newSubManager(); NDScope scope = new NDScope()) {
                        Batch x = batch(micros.get(k), m, shared);
                        Shape s = x.mask.getShape();
                        NDArray old = iter == 0 && cfg.numIterations() == 1 ? null : m.create(oldLogp.get(k), s);
                        NDArray ref = refLogp.get(k) == null ? null : m.create(refLogp.get(k), s);
                        double[] adv = micros.get(k).stream().mapToDouble(Episode::advantage).toArray();
                        NDArray advantages = m.create(toFloat(adv));
                        try (GradientCollector gc = Engine.getInstance().newGradientCollector()) {
                            NDArray[] entropy = new NDArray[2]; // length 2: differentiable (see logProbs)
                            boolean bonus = entropyCoef > 0;
                            NDArray lp = logProbs(policy, x, bonus, entropy);
                            // μ = 1: the sampling policy is the current one, so old = current (detached): ratio ≡ 1.
                            NDArray oldOrSelf = old != null ? old : lp.stopGradient();
                            GrpoLoss.Result r = GrpoLoss.compute(lp, oldOrSelf, ref, bonus ? entropy[0].mul(x.entropyMask) : null,
                                    entropyCoef, advantages, x.mask, cfg, normalizer);
                            gc.backward(r.loss());
                            lossSum += r.loss().getFloat();
                            klSum += r.stats().klSum();
                            lowSum += r.stats().lowClipped();
                            highSum += r.stats().highClipped();
                        }
                    }
                }
                minibatches++;
                double norm = Gradients.clipGlobalNorm(params, maxGradNorm);
                if (!Double.isFinite(norm)) {
                    skipped++; // a non-finite gradient never reaches the weights
                    continue;
                }
                optimizer.step(lr);
                normSum += norm;
                steps++;
            }
        }
        Gradients.zero(params);
        double tokensSeen = totalActive * cfg.numIterations();
        return new UpdateStats(lossSum / Math.max(1, minibatches), klSum / tokensSeen, entropySum / totalActive,
                lowSum / tokensSeen, highSum / tokensSeen, steps == 0 ? Double.NaN : normSum / steps,
                gapSum / totalActive, gapMax, steps, skipped, bonusTokens == 0 ? Double.NaN : bonusEntropySum / bonusTokens);
    }

    private double maxGradNorm = 1.0;
    private boolean sharePrefix = true;

    /** Sets the global gradient-norm clip (0 = off). */
    public PolicyUpdate withMaxGradNorm(double max) {
        this.maxGradNorm = max;
        return this;
    }

    /**
     * Whether the prompt prefix common to all episodes runs once per micro-batch instead of
     * once per row (default on; the result is the same up to float rounding).
     */
    public PolicyUpdate withSharedPrefix(boolean on) {
        this.sharePrefix = on;
        return this;
    }

    private double normalizer(List<List<Episode>> minibatch, double totalActive) {
        int seqs = 0;
        double tokens = 0;
        for (List<Episode> mb : minibatch) {
            for (Episode e : mb) {
                seqs++;
                if (!(cfg.maskTruncatedCompletions() && e.truncated())) {
                    tokens += e.completionIds().length;
                }
            }
        }
        return switch (cfg.lossType()) {
            case "grpo" -> seqs;
            case "bnpo" -> Math.max(1, tokens);
            case "dapo" -> totalActive;
            default -> (double) seqs * maxCompletionTokens;
        };
    }

    private static float[] toFloat(double[] a) {
        float[] f = new float[a.length];
        for (int i = 0; i < a.length; i++) {
            f[i] = (float) a[i];
        }
        return f;
    }
}
