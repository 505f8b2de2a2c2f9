package io.grpo4j.cli;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.grpo4j.config.GrpoConfig;
import io.grpo4j.grpo.AdamW;
import io.grpo4j.grpo.Episode;
import io.grpo4j.grpo.PolicyUpdate;
import io.grpo4j.model.Decoder;
import io.grpo4j.model.ModelInit;
import io.grpo4j.model.ModelWeights;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

@Command(name = "train", mixinStandardHelpOptions = true,
        description = {"Measure the policy update: one GRPO step (reference forward, policy forward+backward in",
            "micro-batches, clipping, AdamW) on synthetic episodes; prints tokens/s, seconds, peak RSS and the share",
            "of the same-process matmul FLOP/s. Default: the 55M reference shape, 64 x (64 prompt + 192 completion)."})
final class BenchTrainCommand implements Callable<Integer> {
    @Mixin ModelShapeOptions shape;
    @Option(names = "--batch", defaultValue = "64") int batch;
    @Option(names = "--prompt-tokens", defaultValue = "64") int promptTokens;
    @Option(names = "--completion-tokens", defaultValue = "192") int completionTokens;
    @Option(names = "--micro-batch", defaultValue = "8") int micro;
    @Option(names = "--beta", defaultValue = "0.04") double beta;
    @Option(names = "--steps", defaultValue = "2") int steps;

    @Override
    public Integer call() throws Exception {
        ObjectMapper om = new ObjectMapper();
        try (NDManager m = NDManager.newBaseManager()) {
            var cfg = shape.config();
            ModelWeights w = ModelInit.random(cfg, 1, m);
            ModelWeights ref = beta > 0 ? ModelInit.random(cfg, 1, m) : null;
            double flops = BenchSupport.matmulFlops(m);
            for (NDArray p : w.all().values()) {
                p.setRequiresGradient(true);
            }
            GrpoConfig g = new GrpoConfig(batch, 1, batch, micro, 1, "group", "grpo", 0.2, 0.28, "dapo", "token", beta, "k3",
                    false, false, 0);
            Random rng = new Random(1);
            List<Episode> eps = new ArrayList<>();
            for (int i = 0; i < batch; i++) {
                int[] p = new int[promptTokens];
                int[] c = new int[completionTokens];
                float[] lp = new float[completionTokens];
                for (int j = 0; j < p.length; j++) {
                    p[j] = rng.nextInt(shape.vocab);
                }
                for (int j = 0; j < c.length; j++) {
                    c[j] = rng.nextInt(shape.vocab);
                    lp[j] = -10f;
                }
                eps.add(new Episode(p, c, lp, rng.nextGaussian(), false));
            }
            try (Decoder d = new Decoder(w); Decoder rd = ref == null ? null : new Decoder(ref);
                    AdamW opt = new AdamW(w.all(), 0.9, 0.99, 1e-8, 0.1, m)) {
                PolicyUpdate u = new PolicyUpdate(d, rd, opt, g, 1f, completionTokens, 8192).withMaxGradNorm(1.0);
                for (int s = 0; s < steps; s++) {
                    long t0 = System.nanoTime();
                    var stats = u.run(eps, 1e-5);
                    double sec = (System.nanoTime() - t0) / 1e9;
                    long tokens = (long) batch * (promptTokens + completionTokens);
                    // forward+backward ≈ 6 · params · tokens; the no-grad old-logp and reference forwards add 2 each
                    double work = (6.0 + 2.0 + (beta > 0 ? 2.0 : 0)) * BenchSupport.flopParameters(w) * tokens;
                    ObjectNode o = om.createObjectNode();
                    o.put("step", s);
                    o.put("batch", batch);
                    o.put("tokens", tokens);
                    o.put("step_s", sec);
                    o.put("train_tokens_per_s", tokens / sec);
                    o.put("matmul_gflops", flops / 1e9);
                    o.put("achieved_gflops", work / sec / 1e9);
                    o.put("share_of_matmul", work / sec / flops);
                    o.put("grad_norm", stats.gradNorm());
                    o.put("peak_rss_mb", BenchSupport.rssMb(true));
                    o.put("nproc", Runtime.getRuntime().availableProcessors());
                    System.out.println(om.writeValueAsString(o));
                }
            }
            w.close();
            if (ref != null) {
                ref.close();
            }
        }
        return 0;
    }
}
