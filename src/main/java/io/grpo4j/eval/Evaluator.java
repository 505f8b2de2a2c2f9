package io.grpo4j.eval;

import io.grpo4j.config.SamplingParams;
import io.grpo4j.data.Problem;
import io.grpo4j.data.PromptTemplate;
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

    /**
     * Aggregates plus the items. pass@1 = mean correctness over all samples; NaN when the rules
     * have no accuracy rule. correctCounts: correct samples per problem; majority: share of
     * problems whose most frequent extracted answer is judged correct (maj@k).
     */
    public record Result(int problems, double passAt1, double meanReward, double formatRate, List<Item> items,
            int[] correctCounts, double majority, java.util.Map<String, SourceSummary> bySource) {}

    /** The aggregates of one data source (a dataset can mix sources, e.g. MATH subjects). */
    public record SourceSummary(int completions, double passAt1, double meanReward, double formatRate) {}

    public Result evaluate(List<Problem> problems, PromptTemplate template, SamplingParams params) {
        return evaluate(problems, template, params, 1);
    }

    /** {@code samples} completions per problem (ordered problem by problem). */
    public Result evaluate(List<Problem> problems, PromptTemplate template, SamplingParams params, int samples) {
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
            List<Completion> out = generator.generate(ids, samples, params);
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
        String rule = correctnessRule();
        int[] correct = new int[problems.size()];
        double majority = 0;
        for (int p = 0; p < problems.size(); p++) {
            java.util.Map<String, Integer> votes = new java.util.HashMap<>();
            java.util.Map<String, Boolean> right = new java.util.HashMap<>();
            for (int s = 0; s < samples; s++) {
                Item it = items.get(p * samples + s);
                boolean ok = rule != null && Double.valueOf(1.0).equals(it.reward().scores().get(rule));
                correct[p] += ok ? 1 : 0;
                var found = io.grpo4j.reward.math.AnswerExtractor.extract(it.completion().text(),
                        List.of(io.grpo4j.reward.math.AnswerSource.values()));
                String answer = found == null ? null : found.text();
                if (answer != null) {
                    votes.merge(answer, 1, Integer::sum);
                    right.putIfAbsent(answer, ok);
                }
            }
            String top = votes.entrySet().stream().max(java.util.Map.Entry.comparingByValue()).map(java.util.Map.Entry::getKey).orElse(null);
            majority += top != null && right.get(top) ? 1 : 0;
        }
        java.util.Map<String, List<Item>> groups = new java.util.TreeMap<>();
        for (Item it : items) {
            groups.computeIfAbsent(it.problem().source(), k -> new ArrayList<>()).add(it);
        }
        java.util.Map<String, SourceSummary> bySource = new java.util.LinkedHashMap<>();
        groups.forEach((source, list) -> bySource.put(source, new SourceSummary(list.size(), mean(list, rule), meanReward(list),
                mean(list, "format"))));
        return new Result(problems.size(), mean(items, rule), meanReward(items), mean(items, "format"), items, correct,
                problems.isEmpty() ? Double.NaN : majority / problems.size(), bySource);
    }

    private static double meanReward(List<Item> items) {
        return items.stream().mapToDouble(i -> i.reward().total()).average().orElse(Double.NaN);
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
