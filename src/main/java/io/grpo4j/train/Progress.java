package io.grpo4j.train;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.PrintStream;

/** Console lines during training (stderr): one per step, and a few monologues now and then. */
final class Progress {
    private Progress() {}

    static void step(PrintStream out, int step, int maxSteps, JsonNode m, double seconds) {
        out.printf("step %d/%d  reward %.3f  acc %s  fmt %s  len %.1f  zero-std %.2f  kl %s  %.2fs/step%n",
                step, maxSteps, m.path("reward").asDouble(), fmt(m.path("rewards/accuracy/mean")),
                fmt(m.path("rewards/format/mean")), m.path("completions/mean_length").asDouble(),
                m.path("frac_reward_zero_std").asDouble(), fmt(m.path("kl")), seconds);
    }

    private static String fmt(JsonNode n) {
        return n.isNumber() ? String.format("%.3f", n.asDouble()) : "-";
    }

    static void monologues(PrintStream out, StepBatch batch, int n) {
        for (int i = 0; i < Math.min(n, batch.samples().size()); i++) {
            StepBatch.Sample s = batch.samples().get(i * Math.max(1, batch.samples().size() / n));
            out.printf("  [%s] gold %s  reward %.2f  adv %+.2f  %s%n", s.problem().question(), s.problem().answer(),
                    s.reward().total(), s.advantage(), s.completion().text().replace("\n", "\\n"));
        }
    }
}
