package io.grpo4j.train;

import io.grpo4j.config.GrpoConfig;
import io.grpo4j.config.RunConfig;
import io.grpo4j.model.ModelWeights;
import java.io.PrintStream;
import java.nio.file.Path;

/**
 * Start and end messages. The start spells out the algorithm settings, because "GRPO" means
 * different things in different trainers and users compare.
 */
final class Banner {
    private Banner() {}

    static void print(PrintStream out, RunConfig c, ModelWeights w, Path runDir, int evalProblems) {
        GrpoConfig g = c.grpo();
        out.printf("grpo4j: run %s%n", runDir);
        out.printf("  model: %s, %d layers, hidden %d, %.2fM parameters, vocab %d%n", w.config().architecture().hfClass,
                w.config().layers(), w.config().hiddenSize(), w.parameterCount() / 1e6, w.config().vocabSize());
        out.printf("  algorithm: advantages %s (scale_rewards=%s), loss_type=%s, importance=%s, clip [1-%.2f, 1+%.2f], "
                        + "beta=%s%s, mu=%d, dynamic_sampling=%s, mask_truncated=%s, entropy_coef=%s%n",
                g.advantage(), g.scaleRewards(), g.lossType(), g.importanceLevel(), g.epsilon(), g.epsilonHigh(), g.beta(),
                g.beta() > 0 ? " (" + g.klEstimator() + ")" : " (no reference)", g.numIterations(), g.dynamicSampling(),
                g.maskTruncatedCompletions(), g.entropyCoef() + (g.entropyCoef() > 0 && g.entropyAfter() != null
                        ? " (after \"" + g.entropyAfter() + "\")" : "")
                        + (g.entropyTarget() > 0 ? ", adapted to hold " + g.entropyTarget() + " nats" : ""));
        out.printf("  batch: %d prompts x %d samples = %d completions/step, minibatch %d, micro-batch %d%n",
                g.promptsPerStep(), g.numGenerations(), g.promptsPerStep() * g.numGenerations(), g.minibatchSize(),
                g.microBatchSize());
        out.printf("  sampling: temperature %.2f, top_p %.2f, top_k %d, max_new_tokens %d; optim: AdamW lr %.2e "
                        + "(%s, warmup %d), wd %.3f, clip %.2f%n", c.sampling().temperature(), c.sampling().topP(),
                c.sampling().topK(), c.sampling().maxNewTokens(), c.optim().lr(), c.optim().schedule(),
                c.optim().warmupSteps(), c.optim().weightDecay(), c.optim().maxGradNorm());
        out.printf("  data: %s (template %s), eval on %d held-out problems; rules: %s; %d steps%n", c.data().train().path(),
                c.data().template(), evalProblems, c.rewards().rules(), c.run().maxSteps());
    }

    static void finish(PrintStream out, Path runDir, int steps, boolean completed, String stopReason) {
        out.printf("%ngrpo4j: %s after %d steps%s.%n", completed ? "finished" : "stopped", steps,
                stopReason == null ? "" : " (" + stopReason + ")");
        out.printf("  run directory: %s%n", runDir);
        out.printf("  report:        %s (open it in a browser; rewrite with ./grpo4j report %s)%n",
                runDir.resolve("report.html"), runDir);
        out.printf("  look at it:    ./grpo4j inspect %s --group%n", runDir);
        out.printf("                 ./grpo4j inspect %s --summary%n", runDir);
        out.printf("  continue:      ./grpo4j train --resume %s --set run.max_steps=%d%n", runDir, steps * 2);
    }
}
