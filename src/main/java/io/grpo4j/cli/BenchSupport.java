package io.grpo4j.cli;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/** Shared pieces of the benchmarks: the reference shape, matmul FLOP/s, RSS. */
final class BenchSupport {
    private BenchSupport() {}

    /** FLOP/s of a 2048³ float32 matmul in this process (median of 5 after a warm-up). */
    static double matmulFlops(NDManager m) {
        try (NDManager s = m.newSubManager()) {
            NDArray a = s.randomNormal(new Shape(2048, 2048));
            NDArray b = s.randomNormal(new Shape(2048, 2048));
            a.matMul(b).close();
            double[] t = new double[5];
            for (int i = 0; i < t.length; i++) {
                long t0 = System.nanoTime();
                NDArray c = a.matMul(b);
                c.getFloat(0, 0); // force completion
                t[i] = (System.nanoTime() - t0) / 1e9;
                c.close();
            }
            java.util.Arrays.sort(t);
            return 2.0 * 2048 * 2048 * 2048 / t[2];
        }
    }

    /** Resident set size (MB), or peak ("VmHWM") when {@code peak}. */
    static double rssMb(boolean peak) {
        try {
            for (String line : Files.readAllLines(Path.of("/proc/self/status"))) {
                if (line.startsWith(peak ? "VmHWM:" : "VmRSS:")) {
                    return Long.parseLong(line.replaceAll("[^0-9]", "")) / 1024.0;
                }
            }
        } catch (IOException e) {
            return Double.NaN;
        }
        return Double.NaN;
    }

    /** Parameters that cost FLOPs per token: all but the embedding table (the LM head counts). */
    static long flopParameters(io.grpo4j.model.ModelWeights w) {
        long n = w.parameterCount() - w.get(io.grpo4j.model.WeightNames.EMBED).size();
        if (w.config().tieWordEmbeddings()) {
            n += w.get(io.grpo4j.model.WeightNames.EMBED).size();
        }
        return n;
    }
}
