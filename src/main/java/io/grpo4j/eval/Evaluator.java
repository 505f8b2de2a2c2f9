package io.grpo4j.eval;

import io.grpo4j.config.SamplingParams;
import io.grpo4j.data.Problem;
import io.grpo4j.data.PromptTemplates.PromptTemplate;
import io.grpo4j.generate.Completion;
import io.grpo4j.generate.RolloutGenerator;
import io.grpo4j.model.tokenizer.Tokenizer;
import io.grpo4j.reward.RewardInput;
import io.grpo4j.reward.RewardResult;
import io.grpo4j.reward.RuleSet;
import java.util.ArrayList;
import java.util.List;

/**
 * Held-out evaluation: one completion per problem (greedy unless the sampling parameters say
 * otherwise), scored with the run's rules. A completion is correct when its {@code accuracy}
 * (or {@code countdown}) rule scores 1, and well-formatted when its {@code format} rule does.
 */
public final class Evaluator {
    private final RolloutGenerator generator;
    private final Tokenizer tokenizer;
    private final RuleSet rules;
    private final int batchSize;

    public Evaluator(RolloutGenerator generator, Tokenizer tokenizer, RuleSet rules, int batchSize) {
        this.generator = generator;
        this.tokenizer = tokenizer;
        this.rules = rules;
        this.batchSize = batchSize;
    }

    /** One evaluated completion. */
    public record Item(Problem problem, String prompt, Completion completion, RewardResult reward) {}

    /** Aggregates plus the items. pass@1 = accuracy mean; NaN when the rules have no accuracy rule. */
    public record Result(int problems, double passAt1, double meanReward, double formatRate, List<Item> items) {}

    public Result evaluate(List<Problem> problems, PromptTemplate template, SamplingParams params) {
        List<Item> items = new ArrayList<>();
        for (int from = 0; from < problems.size(); from += batchSize) {
            List<Problem> chunk = problems.subList(from, Math.min(problems.size(), from + batchSize));
            List<String> prompts = new ArrayList<>();
            List<int[]> ids = new ArrayList<>();
            for (Problem p : chunk) {
                String text = template.render(p);
                prompts.add(text);
                ids.add(tokenizer.encode(text, true));
            }
            List<Completion> out = generator.generate(ids, 1, params);
            List<RewardInput> inputs = new ArrayList<>();
            for (Completion c : out) {
                Problem p = chunk.get(c.promptIndex());
                inputs.add(new RewardInput(prompts.get(c.promptIndex()), c.text(), c.tokenIds().length,
                        c.finishReason().json(), p.answer(), p.columns()));
            }
            List<RewardResult> scored = rules.scoreAll(inputs);
            for (int i = 0; i < out.size(); i++) {
                Completion c = out.get(i);
                items.add(new Item(chunk.get(c.promptIndex()), prompts.get(c.promptIndex()), c, scored.get(i)));
            }
        }
        return new Result(items.size(), mean(items, correctnessRule()), items.stream().mapToDouble(i -> i.reward().total()).average().orElse(Double.NaN),
                mean(items, "format"), items);
    }

    /** The rule whose score 1 means "correct". */
    public String correctnessRule() {
        return rules.ruleNames().contains("accuracy") ? "accuracy" : rules.ruleNames().contains("countdown") ? "countdown" : null;
    }

    private static double mean(List<Item> items, String rule) {
        if (rule == null) {
            return Double.NaN;
        }
        double sum = 0;
        int n = 0;
        for (Item i : items) {
            Double s = i.reward().scores().get(rule);
            if (s != null && !s.isNaN()) {
                sum += s == 1.0 ? 1 : 0;
                n++;
            }
        }
        return n == 0 ? Double.NaN : sum / n;
    }
}
