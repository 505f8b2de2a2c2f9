package io.grpo4j.train;

import io.grpo4j.data.Problem;
import io.grpo4j.generate.Completion;
import io.grpo4j.grpo.Episode;
import io.grpo4j.reward.RewardResult;
import java.util.List;

/**
 * One step's scored rollouts, group after group (G consecutive samples per prompt).
 *
 * @param samples every kept completion with its reward and advantage
 * @param fracZeroStd share of first-round groups whose rewards were all equal
 * @param rounds sampling rounds used (dynamic sampling may use more than one)
 * @param generatedTokens completion tokens sampled over all rounds
 * @param rewardSeconds time spent scoring
 */
record StepBatch(List<Sample> samples, double fracZeroStd, int rounds, long generatedTokens, double rewardSeconds) {

    /** A completion with everything the logs and the update need. */
    record Sample(Problem problem, String prompt, int[] promptIds, Completion completion, RewardResult reward,
            double advantage, int entropyFrom) {
        Episode episode() {
            return new Episode(promptIds, completion.tokenIds(), completion.logProbs(), advantage,
                    completion.finishReason() == io.grpo4j.generate.FinishReason.LENGTH, entropyFrom);
        }
    }

    List<Episode> episodes() {
        return samples.stream().map(Sample::episode).toList();
    }

    /** Whether any advantage is non-zero (else the update has no signal). */
    boolean hasSignal() {
        return samples.stream().anyMatch(s -> s.advantage() != 0);
    }
}
