package io.grpo4j.cli;

import io.grpo4j.model.ModelConfig;
import java.util.List;
import picocli.CommandLine.Option;

/** Sizes of a random Llama for the benchmarks; defaults are the 55M reference shape. */
final class ModelShapeOptions {
    @Option(names = "--hidden", defaultValue = "512") int hidden;
    @Option(names = "--layers", defaultValue = "8") int layers;
    @Option(names = "--heads", defaultValue = "8") int heads;
    @Option(names = "--kv-heads", defaultValue = "2") int kvHeads;
    @Option(names = "--ffn", defaultValue = "1408") int ffn;
    @Option(names = "--vocab", defaultValue = "32000") int vocab;

    /** Llama, untied head; the last id stands in for EOS. */
    ModelConfig config() {
        return new ModelConfig(ModelConfig.Architecture.LLAMA, hidden, ffn, layers, heads, kvHeads, hidden / heads, 1e-6,
                10000.0, null, vocab, false, 4096, false, -1, List.of(vocab - 1), "float32");
    }
}
