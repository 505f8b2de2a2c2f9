package io.grpo4j.cli;

import ai.djl.ndarray.NDManager;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.grpo4j.config.SamplingParams;
import io.grpo4j.data.DatasetSpec;
import io.grpo4j.data.Datasets;
import io.grpo4j.data.Problem;
import io.grpo4j.data.PromptTemplates;
import io.grpo4j.eval.Evaluator;
import io.grpo4j.eval.PassAtK;
import io.grpo4j.generate.RolloutGenerator;
import io.grpo4j.model.Decoder;
import io.grpo4j.model.io.ModelDirectory;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

@Command(name = "eval", mixinStandardHelpOptions = true,
        description = {"Evaluate a model on a dataset: pass@1 (greedy, or sampled with --samples), pass@k (unbiased),",
            "maj@k, mean reward and format rate. One JSON object on standard output."})
final class EvalCommand implements Callable<Integer> {
    @Option(names = "--model", required = true, paramLabel = "DIR") Path model;
    @Option(names = "--data", required = true, paramLabel = "F.jsonl") Path data;
    @Option(names = "--format", defaultValue = "jsonl", description = "gsm8k | math | aime | countdown | arithmetic | jsonl (default: ${DEFAULT-VALUE}).") String format;
    @Option(names = "--limit", defaultValue = "0") int limit;
    @Option(names = "--rules", defaultValue = "r1-zero", description = "Reward rules (default: ${DEFAULT-VALUE}).") String rules;
    @Option(names = "--template", defaultValue = "r1-zero") String template;
    @Option(names = "--prefill-think", description = "End prompts with <think>.") boolean prefillThink;
    @Option(names = "--samples", defaultValue = "1", description = "k completions per problem (k > 1 samples at --temperature).") int samples;
    @Option(names = "--temperature", defaultValue = "1.0", description = "Used when --samples > 1 (default: ${DEFAULT-VALUE}).") float temperature;
    @Option(names = "--max-new-tokens", defaultValue = "256") int maxNewTokens;
    @Option(names = "--seed", defaultValue = "0") long seed;
    @Option(names = "--completions", paramLabel = "FILE",
            description = "Also write every completion as JSON lines in the rollouts.jsonl layout (for 'grpo4j inspect').") Path completions;

    @Override
    public Integer call() throws Exception {
        List<Problem> problems = Datasets.load(DatasetSpec.of(data.toString(), format).withLimit(limit > 0 ? limit : null), Path.of(""));
        float t = samples > 1 ? temperature : 0f;
        SamplingParams params = new SamplingParams(t, 0, 1f, 0f, maxNewTokens, List.of(), List.of("</answer>"), true, seed);
        try (NDManager m = NDManager.newBaseManager(); ModelDirectory.LoadedModel loaded = ModelDirectory.load(model, m);
                io.grpo4j.reward.RuleSet rs = io.grpo4j.reward.RuleSet.load(rules, Home.dir().resolve("rewards"));
                Decoder d = new Decoder(loaded.weights()); Decoder fast = d.forInference()) {
            var tok = loaded.tokenizer();
            io.grpo4j.data.PromptTemplate tpl = PromptTemplates.of(template, prefillThink,
                    tok.chatTemplate() == null ? null
                            : (msgs, gen) -> tok.chatTemplate().render(msgs.stream().map(x -> Map.of("role", x.role(), "content", x.content())).toList(), gen));
            RolloutGenerator gen = new RolloutGenerator(fast, x -> tok.decode(x, true), tok.eosTokenIds());
            Evaluator.Result r = new Evaluator(gen, tok, rs, 64).evaluate(problems, tpl, params, samples);
            ObjectNode o = new ObjectMapper().createObjectNode();
            o.put("model", model.toString());
            o.put("data", data.toString());
            o.put("problems", problems.size());
            o.put("samples", samples);
            o.put("pass@1", r.passAt1());
            if (samples > 1) {
                o.put("pass@" + samples, PassAtK.mean(r.correctCounts(), samples, samples));
                o.put("maj@" + samples, r.majority());
            }
            o.put("mean_reward", r.meanReward());
            o.put("format_rate", r.formatRate());
            ObjectNode sources = o.putObject("by_source");
            r.bySource().forEach((source, x) -> {
                ObjectNode so = sources.putObject(source);
                so.put("completions", x.completions());
                so.put("pass@1", x.passAt1());
                so.put("mean_reward", x.meanReward());
                so.put("format_rate", x.formatRate());
            });
            if (completions != null) {
                EvalCompletions.write(completions, r);
                System.err.println("completions: " + completions + " (" + r.items().size() + ", read with: grpo4j inspect "
                        + completions + ")");
            }
            System.out.println(new ObjectMapper().writeValueAsString(o));
        }
        return 0;
    }
}
