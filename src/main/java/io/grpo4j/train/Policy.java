package io.grpo4j.train;

import ai.djl.ndarray.NDManager;
import io.grpo4j.config.ModelSection;
import io.grpo4j.model.ModelConfig;
import io.grpo4j.model.ModelInit;
import io.grpo4j.model.ModelWeights;
import io.grpo4j.model.io.ModelDirectory;
import io.grpo4j.model.tokenizer.BuiltinTokenizer;
import io.grpo4j.model.tokenizer.Tokenizer;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * The model a run trains: its initial weights (a Hugging Face directory or a seeded random
 * init), its tokenizer and the folder the tokenizer files come from (copied into checkpoints).
 */
final class Policy {
    private Policy() {}

    /** Initial weights + tokenizer. */
    record Loaded(ModelWeights weights, Tokenizer tokenizer, Path tokenizerDir) implements AutoCloseable {
        @Override
        public void close() {
            weights.close();
            tokenizer.close();
        }
    }

    /**
     * Builds the initial policy. For {@code init}, the tokenizer files are written to (or copied
     * into) {@code runDir/tokenizer} so the run directory is self-contained.
     */
    static Loaded initial(ModelSection spec, Path baseDir, Path runDir, NDManager manager) throws IOException {
        if (spec.path() != null) {
            Path dir = baseDir.resolve(spec.path());
            ModelDirectory.LoadedModel m = ModelDirectory.load(dir, manager);
            if (m.tokenizer() == null) {
                m.weights().close();
                throw new IOException("model.path " + dir + " has no tokenizer.json: a run needs the model's tokenizer");
            }
            return new Loaded(m.weights(), m.tokenizer(), dir);
        }
        ModelSection.InitSpec init = spec.init();
        Path tokDir = runDir.resolve("tokenizer");
        if (!Files.isRegularFile(tokDir.resolve("tokenizer.json"))) {
            if (init.tokenizer().equals("builtin")) {
                BuiltinTokenizer.write(tokDir);
            } else {
                Path src = baseDir.resolve(init.tokenizer());
                Path srcDir = Files.isDirectory(src) ? src : src.getParent();
                Files.createDirectories(tokDir);
                List<String> files = new ArrayList<>(ModelDirectory.TOKENIZER_FILES);
                files.add("generation_config.json"); // its eos_token_id list (Qwen2.5 stops on two ids)
                for (String f : files) {
                    if (Files.isRegularFile(srcDir.resolve(f))) {
                        Files.copy(srcDir.resolve(f), tokDir.resolve(f));
                    }
                }
            }
        }
        Tokenizer tok = Tokenizer.load(tokDir);
        int headDim = init.headDim() != null ? init.headDim() : init.hidden() / init.heads();
        ModelConfig config = new ModelConfig(ModelConfig.Architecture.parse(init.arch()), init.hidden(), init.ffn(),
                init.layers(), init.heads(), init.kvHeads(), headDim, 1e-6, init.ropeTheta(), null, tok.vocabSize(),
                init.tieEmbeddings(), init.maxPositions(), init.arch().equals("qwen2"), -1, tok.eosTokenIds(), "float32");
        return new Loaded(ModelInit.random(config, init.seed(), manager), tok, tokDir);
    }
}
