package io.grpo4j.cli;

import ai.djl.ndarray.NDManager;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.grpo4j.config.SamplingParams;
import io.grpo4j.generate.Completion;
import io.grpo4j.generate.RolloutGenerator;
import io.grpo4j.model.Decoder;
import io.grpo4j.model.io.ModelDirectory;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

@Command(name = "sample", mixinStandardHelpOptions = true,
        description = {"Generate completions from a model directory.",
            "Standard output carries only completions (--n K: separated by a line '---'; --json: one object per line)."})
final class SampleCommand implements Callable<Integer> {
    @Option(names = "--model", required = true, paramLabel = "DIR") Path model;
    @Option(names = "--prompt", required = true, paramLabel = "TEXT") String prompt;
    @Option(names = "--chat", description = "Render the prompt with the model's chat template (with the generation prompt).") boolean chat;
    @Option(names = "--system", paramLabel = "TEXT", description = "System message (with --chat).") String system;
    @Option(names = "--temperature", defaultValue = "1.0", description = "0 = greedy (default: ${DEFAULT-VALUE}).") float temperature;
    @Option(names = "--top-k", defaultValue = "0") int topK;
    @Option(names = "--top-p", defaultValue = "1.0") float topP;
    @Option(names = "--min-p", defaultValue = "0") float minP;
    @Option(names = "--max-new-tokens", defaultValue = "256") int maxNewTokens;
    @Option(names = "--n", defaultValue = "1", description = "Completions to sample.") int n;
    @Option(names = "--seed", defaultValue = "0") long seed;
    @Option(names = "--json", description = "One JSON object per completion: text, token_ids, logprobs, finish_reason.") boolean json;

    @Override
    public Integer call() throws Exception {
        if (system != null && !chat) {
            throw new UserError("--system needs --chat");
        }
        SamplingParams params = new SamplingParams(temperature, topK, topP, minP, maxNewTokens, List.of(), List.of(), false, seed);
        try (NDManager m = NDManager.newBaseManager(); ModelDirectory.LoadedModel loaded = ModelDirectory.load(model, m)) {
            if (loaded.tokenizer() == null) {
                throw new UserError(model + " has no tokenizer.json");
            }
            String text = prompt;
            if (chat) {
                if (loaded.tokenizer().chatTemplate() == null) {
                    throw new UserError(model + " has no chat_template in tokenizer_config.json: drop --chat");
                }
                List<Map<String, String>> msgs = new ArrayList<>();
                if (system != null) {
                    msgs.add(Map.of("role", "system", "content", system));
                }
                msgs.add(Map.of("role", "user", "content", prompt));
                text = loaded.tokenizer().chatTemplate().render(msgs, true);
            }
            // Without --chat the text is tokenized as is; the chat template already holds any BOS.
            int[] ids = loaded.tokenizer().encode(text, !chat);
            List<Completion> out;
            try (Decoder d = new Decoder(loaded.weights()); Decoder fast = d.forInference()) {
                out = new RolloutGenerator(fast, x -> loaded.tokenizer().decode(x, true), loaded.tokenizer().eosTokenIds())
                        .generate(List.of(ids), n, params);
            }
            ObjectMapper om = new ObjectMapper();
            for (int i = 0; i < out.size(); i++) {
                Completion c = out.get(i);
                if (json) {
                    ObjectNode o = om.createObjectNode();
                    o.put("text", c.text());
                    var t = o.putArray("token_ids");
                    for (int id : c.tokenIds()) {
                        t.add(id);
                    }
                    var l = o.putArray("logprobs");
                    for (float lp : c.logProbs()) {
                        l.add(lp);
                    }
                    o.put("finish_reason", c.finishReason().json());
                    System.out.println(om.writeValueAsString(o));
                } else {
                    if (i > 0) {
                        System.out.println("---");
                    }
                    System.out.println(c.text());
                }
            }
        }
        return 0;
    }
}
