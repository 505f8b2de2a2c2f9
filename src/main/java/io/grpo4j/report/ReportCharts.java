package io.grpo4j.report;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/** The report's charts, each built from the metric names the trainer logs (TRL's vocabulary). */
final class ReportCharts {
    private static final String STEP = "step";
    private static final String REWARD_PREFIX = "rewards/";
    private static final String REWARD_SUFFIX = "/mean";

    private ReportCharts() {}

    static List<LineChart> of(RunData run) {
        int[] steps = run.stepRange();
        double lo = Math.min(steps[0], firstEvalStep(run));
        List<LineChart> charts = new ArrayList<>();
        charts.add(rewards(run));
        charts.add(evaluation(run));
        charts.add(chart(run, "Completion length", "tokens", new String[][] {
            {"completions/mean_length", "mean"}, {"completions/max_length", "max"}}).includeY(0));
        charts.add(chart(run, "Clipped completions (hit max_new_tokens)", "fraction", new String[][] {
            {"completions/clipped_ratio", "clipped ratio"}}).includeY(0, 1));
        charts.add(chart(run, "Groups with zero reward variance", "fraction", new String[][] {
            {"frac_reward_zero_std", "frac_reward_zero_std"}}).includeY(0, 1));
        charts.add(chart(run, "KL to the reference policy", "kl", new String[][] {{"kl", "kl"}}).includeY(0)
                .emptyNote("kl is logged when grpo.beta > 0"));
        charts.add(chart(run, "Entropy", "nats per token", new String[][] {{"entropy", "entropy"}}));
        charts.add(chart(run, "Clip ratios", "fraction of tokens", new String[][] {
            {"clip_ratio/low_mean", "low"}, {"clip_ratio/high_mean", "high"}}).includeY(0));
        charts.add(chart(run, "Gradient norm (before clipping)", "norm", new String[][] {{"grad_norm", "grad_norm"}}).includeY(0)
                .emptyNote("no optimizer step logged a norm"));
        charts.add(chart(run, "Loss", "loss", new String[][] {{"loss", "loss"}}));
        charts.add(chart(run, "Learning rate", "lr", new String[][] {{"lr", "lr"}}).includeY(0));
        charts.add(chart(run, "Time per step", "seconds", new String[][] {
            {"time/rollout_s", "rollout"}, {"time/reward_s", "reward"}, {"time/update_s", "update"}}).includeY(0));
        charts.add(chart(run, "Log-prob gap, sampler vs trainer", "nats", new String[][] {
            {"logprob_gap/mean", "mean"}, {"logprob_gap/max", "max"}}).includeY(0));
        charts.add(chart(run, "Throughput", "tokens per second", new String[][] {{"tokens_per_s", "tokens/s"}}).includeY(0));
        List<LineChart> aligned = new ArrayList<>();
        for (LineChart c : charts) {
            LineChart withRange = c.xRange(lo, steps[1]);
            aligned.add(withRange.emptyNote() == null ? withRange.emptyNote("not in metrics.jsonl") : withRange);
        }
        return aligned;
    }

    /** The total reward (weighted sum) and each rule's mean unweighted score. */
    private static LineChart rewards(RunData run) {
        List<Series> series = new ArrayList<>();
        series.add(run.metric("reward", "total"));
        for (String rule : rewardRules(run.metrics())) {
            series.add(run.metric(REWARD_PREFIX + rule + REWARD_SUFFIX, rule));
        }
        return LineChart.of("Reward: total and per rule", STEP, "reward", series);
    }

    /** The rule names in the order the metrics first mention them. */
    static List<String> rewardRules(List<JsonNode> metrics) {
        Set<String> rules = new LinkedHashSet<>();
        for (JsonNode m : metrics) {
            for (Iterator<String> it = m.fieldNames(); it.hasNext(); ) {
                String k = it.next();
                if (k.startsWith(REWARD_PREFIX) && k.endsWith(REWARD_SUFFIX)) {
                    rules.add(k.substring(REWARD_PREFIX.length(), k.length() - REWARD_SUFFIX.length()));
                }
            }
        }
        return new ArrayList<>(rules);
    }

    /**
     * Held-out rates from eval.jsonl: pass@1, pass@k, maj@k and the format rate, one series per
     * metric (and per dataset when a run evaluates more than one).
     */
    private static LineChart evaluation(RunData run) {
        Map<String, List<JsonNode>> byDataset = new LinkedHashMap<>();
        for (JsonNode e : run.evals()) {
            byDataset.computeIfAbsent(e.path("dataset").asText(""), k -> new ArrayList<>()).add(e);
        }
        List<Series> series = new ArrayList<>();
        for (Map.Entry<String, List<JsonNode>> d : byDataset.entrySet()) {
            Set<String> keys = new LinkedHashSet<>();
            for (JsonNode e : d.getValue()) {
                e.fieldNames().forEachRemaining(k -> {
                    if (k.startsWith("pass@") || k.startsWith("maj@") || k.equals("format_rate")) {
                        keys.add(k);
                    }
                });
            }
            for (String k : keys) {
                String label = k.equals("format_rate") ? "format rate" : k;
                series.add(RunData.series(d.getValue(), k, byDataset.size() > 1 ? label + " · " + shortName(d.getKey()) : label));
            }
        }
        String note = run.evals().isEmpty() ? "no eval.jsonl rows: set run.eval_every" : null;
        return LineChart.of("Held-out accuracy (greedy)", STEP, "rate", series).includeY(0, 1).emptyNote(note);
    }

    private static String shortName(String dataset) {
        int slash = dataset.lastIndexOf('/', dataset.lastIndexOf('/') - 1);
        return slash >= 0 ? dataset.substring(slash + 1) : dataset;
    }

    private static double firstEvalStep(RunData run) {
        return run.evals().stream().mapToDouble(e -> e.path("step").asDouble(Double.POSITIVE_INFINITY)).min()
                .orElse(Double.POSITIVE_INFINITY);
    }

    /** A chart of the metrics listed as {key, legend label}. */
    private static LineChart chart(RunData run, String title, String yTitle, String[][] keys) {
        List<Series> series = new ArrayList<>();
        for (String[] k : keys) {
            series.add(run.metric(k[0], k[1]));
        }
        return LineChart.of(title, STEP, yTitle, series);
    }
}
