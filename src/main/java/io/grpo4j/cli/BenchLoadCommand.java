package io.grpo4j.cli;

import ai.djl.ndarray.NDManager;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.grpo4j.model.ModelConfig;
import io.grpo4j.model.ModelWeights;
import io.grpo4j.model.io.ModelDirectory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

@Command(name = "load", mixinStandardHelpOptions = true,
        description = {"Measure the memory of loading a model directory: peak RSS growth while loading its",
            "weights, against their float32 size. Make the directory first, e.g. with init-model."})
final class BenchLoadCommand implements Callable<Integer> {
    @Option(names = "--model", required = true, paramLabel = "DIR") Path model;

    @Override
    public Integer call() throws Exception {
        ModelConfig config = ModelConfig.read(model);
        try (NDManager m = NDManager.newBaseManager()) {
            m.zeros(new ai.djl.ndarray.types.Shape(1)).close(); // engine up before the baseline
            System.gc();
            // Reset the kernel's peak counter (VmHWM) so the peak below is the load's own.
            Files.writeString(Path.of("/proc/self/clear_refs"), "5");
            double before = BenchSupport.rssMb(false);
            long t0 = System.nanoTime();
            try (ModelWeights w = ModelDirectory.loadWeights(model, config, m)) {
                double seconds = (System.nanoTime() - t0) / 1e9;
                double peak = BenchSupport.rssMb(true);
                double f32 = w.parameterCount() * 4 / 1048576.0;
                ObjectNode o = new ObjectMapper().createObjectNode();
                o.put("parameters", w.parameterCount());
                o.put("float32_mb", f32);
                o.put("rss_before_mb", before);
                o.put("peak_rss_mb", peak);
                o.put("peak_growth_over_float32", (peak - before) / f32);
                o.put("load_s", seconds);
                System.out.println(new ObjectMapper().writeValueAsString(o));
            }
        }
        return 0;
    }
}
