package io.grpo4j.report;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * The completions of rollouts.jsonl that a report embeds. A file within the budget comes whole;
 * a larger one gives every completion of evenly spaced steps, always including the first and the
 * last, as many steps as the budget holds. The file is read twice, a line at a time, so its size
 * does not matter.
 *
 * @param rows the chosen completions, in file order
 * @param totalRows completions in the whole file
 * @param allSteps every step the file has completions for
 * @param shownSteps the steps whose completions are in {@code rows}
 * @param warning skipped lines, or null
 */
public record RolloutSample(List<Rollout> rows, int totalRows, List<Integer> allSteps, List<Integer> shownSteps,
        String warning) {

    /** Text characters embedded at most by default (about 6 MB of page). */
    public static final long DEFAULT_BUDGET = 6_000_000;

    /** True when some steps were left out to keep the page small. */
    public boolean sampled() {
        return shownSteps.size() < allSteps.size();
    }

    /** An empty sample: the run has no rollouts.jsonl. */
    public static RolloutSample none() {
        return new RolloutSample(List.of(), 0, List.of(), List.of(), null);
    }

    /** Reads {@code file} keeping about {@code budget} characters of text (see {@link #cost}). */
    public static RolloutSample read(Path file, long budget) throws IOException {
        if (!Files.isRegularFile(file)) {
            return none();
        }
        // pass 1: the size of each step
        Map<Integer, Long> costByStep = new TreeMap<>();
        JsonlReader.forEach(file, o -> costByStep.merge(o.path("step").asInt(), cost(Rollout.of(o)), Long::sum));
        List<Integer> steps = new ArrayList<>(costByStep.keySet());
        Set<Integer> chosen = choose(steps, costByStep, budget);
        // pass 2: the completions of the chosen steps (a run still writing may have added lines)
        List<Rollout> rows = new ArrayList<>();
        int[] total = {0};
        JsonlReader.Pass pass = JsonlReader.forEach(file, o -> {
            total[0]++;
            int step = o.path("step").asInt();
            if (chosen.contains(step)) {
                rows.add(Rollout.of(o));
            }
        });
        return new RolloutSample(rows, total[0], steps, List.copyOf(chosen), pass.warning());
    }

    /**
     * Evenly spaced steps, first and last included, as many as fit in the budget at the average
     * step's cost; fewer when the chosen steps turn out larger than average. At least the last.
     */
    static Set<Integer> choose(List<Integer> steps, Map<Integer, Long> costByStep, long budget) {
        long total = costByStep.values().stream().mapToLong(Long::longValue).sum();
        if (total <= budget || steps.size() <= 1) {
            return new TreeSet<>(steps);
        }
        int k = (int) Math.max(1, Math.min(steps.size(), budget / Math.max(1, total / steps.size())));
        while (true) {
            Set<Integer> chosen = new TreeSet<>();
            if (k == 1) {
                chosen.add(steps.get(steps.size() - 1));
                return chosen;
            }
            for (int i = 0; i < k; i++) {
                chosen.add(steps.get((int) Math.round(i * (steps.size() - 1) / (double) (k - 1))));
            }
            long cost = chosen.stream().mapToLong(costByStep::get).sum();
            if (cost <= budget) {
                return chosen;
            }
            k--;
        }
    }

    /** The characters a completion adds to the page: its texts and a fixed allowance for the numbers. */
    static long cost(Rollout r) {
        long c = 200;
        for (String s : new String[] {r.completion(), r.think(), r.answer(), r.gold()}) {
            c += s == null ? 0 : s.length();
        }
        for (String reason : r.reasons().values()) {
            c += reason.length() + 20;
        }
        return c;
    }
}
