package io.grpo4j.report;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The logged completions of one prompt in one step: a GRPO group, or the part of it the trainer
 * logged (run.rollouts_per_step may log a random subset).
 */
public record RolloutGroup(int step, String promptId, List<Rollout> samples) {

    /** Groups in the order their first completion appears; samples ordered by sample index. */
    public static List<RolloutGroup> of(List<Rollout> rows) {
        Map<String, List<Rollout>> byKey = new LinkedHashMap<>();
        for (Rollout r : rows) {
            byKey.computeIfAbsent(r.groupKey(), k -> new ArrayList<>()).add(r);
        }
        List<RolloutGroup> groups = new ArrayList<>(byKey.size());
        for (List<Rollout> samples : byKey.values()) {
            samples.sort(Comparator.comparingInt(Rollout::sample));
            groups.add(new RolloutGroup(samples.get(0).step(), samples.get(0).promptId(), List.copyOf(samples)));
        }
        return groups;
    }

    public String prompt() {
        return samples.get(0).prompt();
    }

    public String gold() {
        return samples.get(0).gold();
    }

    /**
     * True when at least two completions were logged and all got the same reward: the group's
     * advantages are all zero, so it teaches nothing.
     */
    public boolean zeroVariance() {
        if (samples.size() < 2) {
            return false;
        }
        double first = samples.get(0).reward();
        return samples.stream().allMatch(r -> Double.compare(r.reward(), first) == 0);
    }

    public double meanReward() {
        return samples.stream().mapToDouble(Rollout::reward).filter(Double::isFinite).average().orElse(Double.NaN);
    }

    /** The population standard deviation of the rewards, as the advantages use. */
    public double rewardStd() {
        double mean = meanReward();
        return Math.sqrt(samples.stream().mapToDouble(Rollout::reward).filter(Double::isFinite)
                .map(r -> (r - mean) * (r - mean)).average().orElse(Double.NaN));
    }
}
