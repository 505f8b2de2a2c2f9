package io.grpo4j.grpo;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.types.DataType;
import io.grpo4j.config.GrpoConfig;
import io.grpo4j.model.Scalars;

/**
 * The clipped surrogate of the GRPO family plus optional KL to a reference (design.md §3):
 * ℓ_{i,t} = −min(r·Â, clip(r, 1−ε_low, 1+ε_high)·Â) + β·KL_{i,t} − c_H·H_{i,t}, aggregated by
 * loss_type (c_H = entropy_coef, H the entropy of the policy's tempered next-token distribution).
 *
 * <p>Normalisers are passed in as global numbers so that summing the losses of micro-batches
 * gives exactly the loss (and gradient) of the whole minibatch, for every loss type.
 */
public final class GrpoLoss {
    private GrpoLoss() {}

    /** Plain-Java statistics of one loss evaluation (sums, for the caller to average). */
    public record Stats(double lowClipped, double highClipped, double klSum, double tokens) {}

    /** A loss value and its statistics. */
    public record Result(NDArray loss, Stats stats) {}

    /**
     * @param logp (B, T) current log-probs, differentiable
     * @param oldLogp (B, T) log-probs of the policy that sampled (no gradient)
     * @param refLogp (B, T) reference log-probs, or null when β = 0
     * @param advantages (B) one advantage per sequence
     * @param mask (B, T) float, 1 on completion tokens that count
     * @param normalizer the divisor of the summed token (or sequence) losses, by loss type:
     *     grpo: number of sequences in the minibatch (each sequence's mean counts once);
     *     bnpo: active tokens in the minibatch; dapo: active tokens in the whole generation batch;
     *     dr_grpo: sequences in the minibatch × max_completion_tokens
     */
    public static Result compute(NDArray logp, NDArray oldLogp, NDArray refLogp, NDArray advantages, NDArray mask,
            GrpoConfig cfg, double normalizer) {
        return compute(logp, oldLogp, refLogp, null, advantages, mask, cfg, normalizer);
    }

    /**
     * As above, with {@code entropy} (B, T), differentiable, for the entropy bonus; null when
     * {@code entropy_coef} is 0.
     */
    public static Result compute(NDArray logp, NDArray oldLogp, NDArray refLogp, NDArray entropy, NDArray advantages,
            NDArray mask, GrpoConfig cfg, double normalizer) {
        return compute(logp, oldLogp, refLogp, entropy, cfg.entropyCoef(), advantages, mask, cfg, normalizer);
    }

    /** As above, with the entropy bonus weighted by {@code entropyCoef} instead of the config's. */
    public static Result compute(NDArray logp, NDArray oldLogp, NDArray refLogp, NDArray entropy, double entropyCoef,
            NDArray advantages, NDArray mask, GrpoConfig cfg, double normalizer) {
        NDArray adv = advantages.expandDims(1); // (B, 1)
        NDArray tokenCount = mask.sum(new int[] {1}); // (B)
        NDArray logRatio = logp.sub(oldLogp); // (B, T)
        NDArray ratio;
        if (cfg.importanceLevel().equals("sequence")) {
            // GSPO: one ratio per sequence, the geometric mean of its token ratios.
            NDArray seqLogRatio = logRatio.mul(mask).sum(new int[] {1}).div(tokenCount.maximum(1f)); // (B)
            ratio = seqLogRatio.exp().expandDims(1); // (B, 1), broadcast over tokens
        } else {
            ratio = logRatio.exp(); // (B, T)
        }
        NDArray unclipped = ratio.mul(adv);
        NDArray clippedRatio = ratio.clip(1 - cfg.epsilon(), 1 + cfg.epsilonHigh());
        NDArray perToken = unclipped.minimum(clippedRatio.mul(adv)).neg(); // (B, T) or (B, 1)
        if (perToken.getShape().get(1) == 1) {
            perToken = perToken.mul(mask.onesLike());
        }
        NDArray kl = null;
        if (refLogp != null && cfg.beta() > 0) {
            NDArray d = refLogp.sub(logp); // log π_ref − log π_θ
            kl = switch (cfg.klEstimator()) {
                case "k1" -> d.neg();
                case "k2" -> Scalars.mul(d.square(), 0.5);
                default -> d.exp().sub(d).sub(1f);
            };
            perToken = perToken.add(Scalars.mul(kl, cfg.beta()));
        }
        if (entropy != null && entropyCoef > 0) {
            perToken = perToken.sub(Scalars.mul(entropy, entropyCoef));
        }
        NDArray masked = perToken.mul(mask);
        NDArray loss = switch (cfg.lossType()) {
            // mean over each sequence's tokens, then summed over sequences / normalizer (= sequence count)
            case "grpo" -> Scalars.div(masked.sum(new int[] {1}).div(tokenCount.maximum(1f)).sum(), normalizer);
            default -> Scalars.div(masked.sum(), normalizer);
        };
        // Statistics: where clipping binds (token-level view of the ratio).
        NDArray r = ratio.stopGradient();
        NDArray a = adv.stopGradient();
        NDArray low = r.lt(1 - cfg.epsilon()).logicalAnd(a.lt(0)).toType(DataType.FLOAT32, false);
        NDArray high = r.gt(1 + cfg.epsilonHigh()).logicalAnd(a.gt(0)).toType(DataType.FLOAT32, false);
        if (low.getShape().get(1) == 1) {
            low = low.mul(mask.onesLike());
            high = high.mul(mask.onesLike());
        }
        double klSum = kl == null ? 0 : kl.stopGradient().mul(mask).sum().getFloat();
        Stats stats = new Stats(low.mul(mask).sum().getFloat(), high.mul(mask).sum().getFloat(), klSum, mask.sum().getFloat());
        return new Result(loss, stats);
    }
}
