package io.grpo4j.grpo;

/**
 * Group-relative advantages (design.md §3). Rewards are laid out group after group: indices
 * [g·G, (g+1)·G) belong to prompt g. Standard deviations are unbiased (N − 1), as torch.std.
 */
public final class Advantages {
    /** Added to the standard deviation so equal-reward groups give 0, not NaN. */
    public static final double STD_EPSILON = 1e-4;

    private Advantages() {}

    /**
     * @param scale group (GRPO: (R − mean_g)/(std_g + ε)), batch (group mean, batch std), none (Dr. GRPO: R − mean_g)
     * @param mode grpo, or rloo (R − mean of the other G − 1; scale ignored)
     */
    public static double[] compute(double[] rewards, int groupSize, String scale, String mode) {
        if (groupSize < 2 || rewards.length % groupSize != 0) {
            throw new IllegalArgumentException(rewards.length + " rewards do not form groups of " + groupSize);
        }
        for (int i = 0; i < rewards.length; i++) {
            if (!Double.isFinite(rewards[i])) {
                throw new IllegalArgumentException("reward " + i + " is " + rewards[i] + ": rewards must be finite");
            }
        }
        double[] adv = new double[rewards.length];
        double batchStd = std(rewards, 0, rewards.length);
        for (int g = 0; g < rewards.length / groupSize; g++) {
            int from = g * groupSize;
            double sum = 0;
            for (int i = from; i < from + groupSize; i++) {
                sum += rewards[i];
            }
            double mean = sum / groupSize;
            double groupStd = std(rewards, from, from + groupSize);
            for (int i = from; i < from + groupSize; i++) {
                if (mode.equals("rloo")) {
                    adv[i] = rewards[i] - (sum - rewards[i]) / (groupSize - 1);
                } else {
                    double centered = rewards[i] - mean;
                    adv[i] = switch (scale) {
                        case "group" -> centered / (groupStd + STD_EPSILON);
                        case "batch" -> centered / (batchStd + STD_EPSILON);
                        case "none" -> centered;
                        default -> throw new IllegalArgumentException("scale_rewards must be group, batch or none, got '" + scale + "'");
                    };
                }
            }
        }
        return adv;
    }

    /** Fraction of groups whose rewards are all equal (they carry no learning signal). */
    public static double fracZeroStd(double[] rewards, int groupSize) {
        int groups = rewards.length / groupSize;
        int zero = 0;
        for (int g = 0; g < groups; g++) {
            if (isFlat(rewards, g, groupSize)) {
                zero++;
            }
        }
        return groups == 0 ? 0 : (double) zero / groups;
    }

    /** Whether group g's rewards are all equal. */
    public static boolean isFlat(double[] rewards, int g, int groupSize) {
        for (int i = g * groupSize + 1; i < (g + 1) * groupSize; i++) {
            if (rewards[i] != rewards[g * groupSize]) {
                return false;
            }
        }
        return true;
    }

    static double std(double[] x, int from, int to) {
        int n = to - from;
        if (n < 2) {
            return 0;
        }
        double mean = 0;
        for (int i = from; i < to; i++) {
            mean += x[i];
        }
        mean /= n;
        double ss = 0;
        for (int i = from; i < to; i++) {
            ss += (x[i] - mean) * (x[i] - mean);
        }
        return Math.sqrt(ss / (n - 1));
    }
}
