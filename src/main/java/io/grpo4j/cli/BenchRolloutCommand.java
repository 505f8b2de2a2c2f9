package io.grpo4j.cli;

import ai.djl.ndarray.NDManager;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.grpo4j.config.SamplingParams;
import io.grpo4j.generate.Completion;
import io.grpo4j.generate.RolloutGenerator;
import io.grpo4j.model.Decoder;
import io.grpo4j.model.ModelConfig;
import io.grpo4j.model.ModelInit;
import io.grpo4j.model.ModelWeights;
import io.grpo4j.model.io.ModelDirectory;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

@Command(name = "rollout", mixinStandardHelpOptions = true,
        description = {"Measure rollout throughput: one JSON line per batch size with tokens/s, prefill ms,",
            "ms per token at positions 16/128/256, same-process matmul GFLOP/s, MFU and RSS.",
            "Default model: a random Llama of the 55M reference shape (no stop token: every row decodes --new-tokens)."})
final class BenchRolloutCommand implements Callable<Integer> {
    @Option(names = "--model", paramLabel = "DIR") Path model;
    @Mixin ModelShapeOptions shape;
    @Option(names = "--batch", split = ",", defaultValue = "1,64") List<Integer> batches;
    @Option(names = "--prompt-tokens", defaultValue = "64") int promptTokens;
    @Option(names = "--new-tokens", defaultValue = "256") int newTokens;
    @Option(names = "--temperature", defaultValue = "1.0") float temperature;
    @Option(names = "--top-p", defaultValue = "0.9") float topP;

    @Override
    public Integer call() throws Exception {
        ObjectMapper om = new ObjectMapper();
        try (NDManager m = NDManager.newBaseManager()) {
            ModelWeights w = model != null ? ModelDirectory.loadWeights(model, ModelConfig.read(model), m)
                    : ModelInit.random(shape.config(), 1, m);
            double flops = BenchSupport.matmulFlops(m);
            long flopParams = BenchSupport.flopParameters(w);
            try (Decoder d = new Decoder(w); Decoder fast = d.forInference()) {
                // no EOS can stop a row early: -1 is never sampled
                RolloutGenerator gen = new RolloutGenerator(fast, ids -> "", List.of(-1));
                Random rng = new Random(1);
                for (int b : batches) {
                    List<int[]> prompts = new ArrayList<>();
                    for (int i = 0; i < b; i++) {
                        int[] p = new int[promptTokens];
                        for (int j = 0; j < p.length; j++) {
                            p[j] = rng.nextInt(w.config().vocabSize() - 1);
                        }
                        prompts.add(p);
                    }
                    // Per-position timing: a run to 16, to 128 and to the end; ms/token from differences.
                    gen.generate(prompts.subList(0, 1), 1, params(4)); // warm-up
                    double prefill = time(gen, prompts, 1);
                    double t16 = time(gen, prompts, 16);
                    double t32 = time(gen, prompts, 32);
                    double t128 = time(gen, prompts, Math.min(128, newTokens));
                    double t144 = time(gen, prompts, Math.min(144, newTokens));
                    double tFull = time(gen, prompts, newTokens);
                    double tPrev = time(gen, prompts, newTokens - 16);
                    double tokensPerS = b * (double) (newTokens - 1) / (tFull - prefill);
                    ObjectNode o = om.createObjectNode();
                    o.put("batch", b);
                    o.put("prompt_tokens", promptTokens);
                    o.put("new_tokens", newTokens);
                    o.put("tokens_per_s", tokensPerS);
                    o.put("prefill_ms", prefill * 1000);
                    ObjectNode at = o.putObject("ms_per_token_at");
                    at.put("16", (t32 - t16) / 16 * 1000);
                    at.put("128", (t144 - t128) / 16 * 1000);
                    at.put(Integer.toString(newTokens), (tFull - tPrev) / 16 * 1000);
                    o.put("matmul_gflops", flops / 1e9);
                    o.put("mfu", 2.0 * flopParams * tokensPerS / flops);
                    o.put("rss_mb", BenchSupport.rssMb(false));
                    o.put("nproc", Runtime.getRuntime().availableProcessors());
                    System.out.println(om.writeValueAsString(o));
                }
            }
            w.close();
        }
        return 0;
    }

    private SamplingParams params(int n) {
        return new SamplingParams(temperature, 0, topP, 0f, n, List.of(), List.of(), false, 7);
    }

    /** Seconds to generate {@code n} tokens per row for every prompt. */
    private double time(RolloutGenerator gen, List<int[]> prompts, int n) {
        long t0 = System.nanoTime();
        List<Completion> out = gen.generate(prompts, 1, params(n));
        if (out.get(0).tokenIds().length != n) {
            throw new IllegalStateException("row stopped early");
        }
        return (System.nanoTime() - t0) / 1e9;
    }
}
