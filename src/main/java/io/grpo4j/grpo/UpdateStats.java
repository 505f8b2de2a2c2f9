package io.grpo4j.grpo;

/**
 * What one policy update did, averaged over its optimizer steps (plain numbers for the metrics log).
 *
 * @param loss mean loss over minibatches
 * @param kl mean per-token KL to the reference (0 without one)
 * @param entropy mean per-token entropy of the policy on the completions
 * @param clipLow share of tokens where the lower clip binds (ratio below 1 − ε with Â &lt; 0)
 * @param clipHigh share of tokens where the upper clip binds (ratio above 1 + ε_high with Â &gt; 0)
 * @param gradNorm mean pre-clip global gradient norm of the steps taken
 * @param logProbGapMean mean |sampling − training log-prob| over completion tokens
 * @param logProbGapMax largest such gap
 * @param optimizerSteps updates applied
 * @param skippedNonFinite updates skipped for a non-finite gradient norm
 * @param bonusEntropy mean entropy over the tokens the entropy bonus covers (NaN when none)
 */
public record UpdateStats(double loss, double kl, double entropy, double clipLow, double clipHigh, double gradNorm,
        double logProbGapMean, double logProbGapMax, int optimizerSteps, int skippedNonFinite, double bonusEntropy) {}
