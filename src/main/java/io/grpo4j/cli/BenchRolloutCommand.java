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
                    // Warm-up long enough for the JIT to compile the per-step Java code: with 4 tokens
                    // the first timed steps at batch 1 still ran interpreted (30 ms instead of 16).
                    gen.generate(prompts.subList(0, 1), 1, params(48));
                    long t0 = System.nanoTime();
                    time(gen, prompts, newTokens);
                    long[] ends = gen.lastStepEndNanos(); // [0] prefill done, [k] token k+1 ready
                    double prefill = (ends[0] - t0) / 1e9;
                    double decode = (ends[ends.length - 1] - ends[0]) / 1e9;
                    double tokensPerS = b * (double) (ends.length - 1) / decode;
                    ObjectNode o = om.createObjectNode();
                    o.put("batch", b);
                    o.put("prompt_tokens", promptTokens);
                    o.put("new_tokens", newTokens);
                    o.put("tokens_per_s", tokensPerS);
                    o.put("prefill_ms", prefill * 1000);
                    ObjectNode at = o.putObject("ms_per_token_at");
                    for (int pos : new int[] {16, 128, newTokens - 1}) {
                        at.put(Integer.toString(pos), msPerStepAround(ends, Math.min(pos, ends.length - 1)));
                    }
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

    /** Median step time (ms) over the 16 decode steps ending at {@code pos}. */
    private static double msPerStepAround(long[] ends, int pos) {
        int from = Math.max(1, pos - 15);
        double[] d = new double[pos - from + 1];
        for (int k = from; k <= pos; k++) {
            d[k - from] = (ends[k] - ends[k - 1]) / 1e6;
        }
        java.util.Arrays.sort(d);
        return d[d.length / 2];
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
