package io.grpo4j.cli;

import ai.djl.ndarray.NDManager;
import io.grpo4j.model.ModelConfig;
import io.grpo4j.model.ModelInit;
import io.grpo4j.model.ModelWeights;
import io.grpo4j.model.io.ModelDirectory;
import io.grpo4j.model.tokenizer.BuiltinTokenizer;
import io.grpo4j.model.tokenizer.Tokenizer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import picocli.CommandLine.ArgGroup;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

@Command(name = "init-model", mixinStandardHelpOptions = true,
        description = "Create a randomly initialised model directory (Hugging Face format: config.json, model.safetensors, tokenizer).",
        footer = {"", "Example:", "  grpo4j init-model --out models/tiny --arch llama --hidden 64 --layers 2 --heads 4 --kv-heads 2 --ffn 192 --builtin-tokenizer"})
final class InitModelCommand implements Callable<Integer> {
    @Option(names = "--out", required = true, paramLabel = "DIR", description = "Folder to create (must not exist or be empty).")
    Path out;

    @Option(names = "--arch", defaultValue = "llama", description = "llama or qwen2 (default: ${DEFAULT-VALUE}).")
    String arch;

    @Option(names = "--hidden", required = true) int hidden;
    @Option(names = "--layers", required = true) int layers;
    @Option(names = "--heads", required = true) int heads;
    @Option(names = "--kv-heads", description = "Key/value heads (default: --heads).") Integer kvHeads;
    @Option(names = "--ffn", required = true, description = "SwiGLU inner size.") int ffn;
    @Option(names = "--head-dim", description = "Per-head size (default: hidden / heads).") Integer headDim;
    @Option(names = "--vocab", description = "Vocabulary size (default: the tokenizer's).") Integer vocab;
    @Option(names = "--tie", description = "Tie the LM head to the embedding.") boolean tie;
    @Option(names = "--max-positions", defaultValue = "2048") int maxPositions;
    @Option(names = "--rope-theta", defaultValue = "10000") double ropeTheta;
    @Option(names = "--seed", defaultValue = "1") long seed;

    @ArgGroup(exclusive = true, multiplicity = "1")
    TokenizerChoice tokenizer;

    static final class TokenizerChoice {
        @Option(names = "--tokenizer", paramLabel = "DIR_OR_FILE", description = "A tokenizer.json (or its folder) to use.")
        Path path;

        @Option(names = "--builtin-tokenizer", description = "The small built-in arithmetic tokenizer.")
        boolean builtin;
    }

    @Override
    public Integer call() throws Exception {
        if (Files.isDirectory(out)) {
            try (var s = Files.list(out)) {
                if (s.findAny().isPresent()) {
                    throw new UserError(out + " is not empty: pick a new folder");
                }
            }
        }
        Path tokDir = Files.createTempDirectory("grpo4j-tok");
        if (tokenizer.builtin) {
            BuiltinTokenizer.write(tokDir);
        } else {
            Path src = Files.isDirectory(tokenizer.path) ? tokenizer.path : tokenizer.path.getParent();
            for (String f : ModelDirectory.TOKENIZER_FILES) {
                if (Files.isRegularFile(src.resolve(f))) {
                    Files.copy(src.resolve(f), tokDir.resolve(f));
                }
            }
        }
        try (Tokenizer tok = Tokenizer.load(tokDir); NDManager m = NDManager.newBaseManager()) {
            int v = vocab != null ? vocab : tok.vocabSize();
            if (v < tok.vocabSize()) {
                throw new UserError("--vocab " + v + " is smaller than the tokenizer's " + tok.vocabSize() + " ids");
            }
            int kv = kvHeads != null ? kvHeads : heads;
            int hd = headDim != null ? headDim : hidden / heads;
            ModelConfig c = new ModelConfig(ModelConfig.Architecture.parse(arch), hidden, ffn, layers, heads, kv, hd, 1e-6,
                    ropeTheta, null, v, tie, maxPositions, arch.equals("qwen2"), -1, tok.eosTokenIds(), "float32");
            try (ModelWeights w = ModelInit.random(c, seed, m)) {
                ModelDirectory.save(out, w, tokDir);
                System.err.printf("wrote %s: %s, %.2fM parameters, vocab %d%n", out, c.architecture().hfClass,
                        w.parameterCount() / 1e6, v);
            }
        }
        System.out.println(out);
        return 0;
    }
}
