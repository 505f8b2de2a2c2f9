package io.grpo4j.train;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.grpo4j.grpo.UpdateStats;
import io.grpo4j.reward.RuleSet;
import java.util.List;

/** One metrics.jsonl line, with TRL's metric names. */
final class StepMetrics {
    private static final ObjectMapper JSON = new ObjectMapper();

    private StepMetrics() {}

    static ObjectNode of(int step, StepBatch batch, UpdateStats u, RuleSet rules, int maxNewTokens, double lr,
            double rolloutS, double rewardS, double updateS) {
        ObjectNode o = JSON.createObjectNode();
        o.put("step", step);
        List<StepBatch.Sample> s = batch.samples();
        double[] totals = s.stream().mapToDouble(x -> x.reward().total()).toArray();
        double mean = java.util.Arrays.stream(totals).average().orElse(Double.NaN);
        double var = java.util.Arrays.stream(totals).map(t -> (t - mean) * (t - mean)).sum() / Math.max(1, totals.length - 1);
        o.put("reward", mean);
        o.put("reward_std", Math.sqrt(var));
        for (String rule : rules.ruleNames()) {
            double sum = 0;
            int n = 0;
            for (StepBatch.Sample x : s) {
                double v = x.reward().scores().get(rule);
                if (!Double.isNaN(v)) {
                    sum += v;
                    n++;
                }
            }
            put(o, "rewards/" + rule + "/mean", n == 0 ? Double.NaN : sum / n);
        }
        o.put("frac_reward_zero_std", batch.fracZeroStd());
        int[] lengths = s.stream().mapToInt(x -> x.completion().tokenIds().length).toArray();
        o.put("completions/mean_length", java.util.Arrays.stream(lengths).average().orElse(0));
        o.put("completions/max_length", java.util.Arrays.stream(lengths).max().orElse(0));
        o.put("completions/clipped_ratio",
                s.stream().filter(x -> x.completion().tokenIds().length >= maxNewTokens).count() / (double) Math.max(1, s.size()));
        put(o, "kl", u.kl());
        put(o, "entropy", u.entropy());
        put(o, "entropy/bonus_span", u.bonusEntropy());
        put(o, "clip_ratio/low_mean", u.clipLow());
        put(o, "clip_ratio/high_mean", u.clipHigh());
        put(o, "grad_norm", u.gradNorm());
        put(o, "loss", u.loss());
        o.put("lr", lr);
        put(o, "logprob_gap/mean", u.logProbGapMean());
        put(o, "logprob_gap/max", u.logProbGapMax());
        o.put("optimizer_steps", u.optimizerSteps());
        o.put("skipped_nonfinite", u.skippedNonFinite());
        o.put("sampling_rounds", batch.rounds());
        o.put("time/rollout_s", rolloutS);
        o.put("time/reward_s", rewardS);
        o.put("time/update_s", updateS);
        o.put("tokens_per_s", batch.generatedTokens() / Math.max(1e-9, rolloutS + rewardS + updateS));
        return o;
    }

    /** NaN is not JSON: write null. */
    static void put(ObjectNode o, String key, double v) {
        if (Double.isFinite(v)) {
            o.put(key, v);
        } else {
            o.putNull(key);
        }
    }
}
