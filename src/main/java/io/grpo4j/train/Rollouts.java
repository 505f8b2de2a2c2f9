package io.grpo4j.train;

import io.grpo4j.config.GrpoConfig;
import io.grpo4j.config.SamplingParams;
import io.grpo4j.data.Problem;
import io.grpo4j.data.ProblemStream;
import io.grpo4j.data.PromptTemplate;
import io.grpo4j.generate.Completion;
import io.grpo4j.generate.RolloutGenerator;
import io.grpo4j.grpo.Advantages;
import io.grpo4j.model.tokenizer.Tokenizer;
import io.grpo4j.reward.RewardInput;
import io.grpo4j.reward.RewardResult;
import io.grpo4j.reward.RuleSet;
import java.util.ArrayList;
import java.util.List;

/**
 * Prompts → G completions each → rewards → group-relative advantages. With dynamic sampling,
 * groups whose rewards are all equal are replaced by fresh ones (up to a number of extra rounds).
 */
final class Rollouts {
    private final Tokenizer tokenizer;
    private final PromptTemplate template;
    private final RuleSet rules;
    private final GrpoConfig grpo;

    Rollouts(Tokenizer tokenizer, PromptTemplate template, RuleSet rules, GrpoConfig grpo) {
        this.tokenizer = tokenizer;
        this.template = template;
        this.rules = rules;
        this.grpo = grpo;
    }

    StepBatch collect(RolloutGenerator generator, ProblemStream stream, SamplingParams sampling, long runSeed, int step) {
        int g = grpo.numGenerations();
        int wanted = grpo.promptsPerStep();
        List<List<StepBatch.Sample>> kept = new ArrayList<>();
        List<List<StepBatch.Sample>> flat = new ArrayList<>();
        double firstFracZero = 0;
        long tokens = 0;
        long rewardNanos = 0;
        int round = 0;
        while (true) {
            List<Problem> problems = stream.next(wanted);
            List<String> prompts = new ArrayList<>();
            List<int[]> ids = new ArrayList<>();
            for (Problem p : problems) {
                String text = template.render(p);
                prompts.add(text);
                ids.add(tokenizer.encode(text, true));
            }
            SamplingParams seeded = sampling.withSeed(StepSeeds.of(runSeed, step, StepSeeds.ROLLOUT, round));
            List<Completion> out = generator.generate(ids, g, seeded);
            List<RewardInput> inputs = new ArrayList<>();
            for (Completion c : out) {
                Problem p = problems.get(c.promptIndex());
                inputs.add(new RewardInput(prompts.get(c.promptIndex()), c.text(), c.tokenIds().length,
                        c.finishReason().json(), p.answer(), p.columns()));
                tokens += c.tokenIds().length;
            }
            long t0 = System.nanoTime();
            List<RewardResult> scores = rules.scoreAll(inputs);
            rewardNanos += System.nanoTime() - t0;
            double[] totals = scores.stream().mapToDouble(RewardResult::total).toArray();
            double[] adv = Advantages.compute(totals, g, grpo.scaleRewards(), grpo.advantage());
            if (round == 0) {
                firstFracZero = Advantages.fracZeroStd(totals, g);
            }
            for (int q = 0; q < problems.size(); q++) {
                List<StepBatch.Sample> group = new ArrayList<>();
                for (int s = 0; s < g; s++) {
                    int i = q * g + s;
                    int entropyFrom = grpo.entropyCoef() > 0
                            ? EntropySpan.start(out.get(i).tokenIds(), t -> tokenizer.decode(t, true), grpo.entropyAfter()) : 0;
                    group.add(new StepBatch.Sample(problems.get(q), prompts.get(q), ids.get(q), out.get(i), scores.get(i), adv[i],
                            entropyFrom));
                }
                boolean zeroStd = Advantages.isFlat(totals, q, g);
                (zeroStd && grpo.dynamicSampling() ? flat : kept).add(group);
            }
            round++;
            if (!grpo.dynamicSampling() || kept.size() >= wanted || round > grpo.maxDynamicRounds()) {
                break;
            }
        }
        // Keep the batch geometry: top up with flat groups (they only add KL), drop any surplus.
        while (kept.size() < wanted && !flat.isEmpty()) {
            kept.add(flat.remove(0));
        }
        List<StepBatch.Sample> samples = new ArrayList<>();
        kept.subList(0, Math.min(wanted, kept.size())).forEach(samples::addAll);
        return new StepBatch(samples, firstFracZero, round, tokens, rewardNanos / 1e9);
    }
}
