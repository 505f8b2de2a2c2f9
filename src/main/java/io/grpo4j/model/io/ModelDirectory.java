package io.grpo4j.model.io;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.grpo4j.model.ModelConfig;
import io.grpo4j.model.ModelWeights;
import io.grpo4j.model.WeightNames;
import io.grpo4j.model.tokenizer.Tokenizer;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * Reads and writes Hugging Face model directories: {@code config.json}, {@code model.safetensors}
 * (or shards with {@code model.safetensors.index.json}), the tokenizer files and {@code
 * generation_config.json}. Loading is strict: every missing, unexpected and mis-shaped tensor is
 * listed in one error.
 */
public final class ModelDirectory {
    public static final String SINGLE_FILE = "model.safetensors";
    public static final String INDEX_FILE = "model.safetensors.index.json";
    /** Files copied along with the weights so the directory is a complete HF snapshot. */
    public static final List<String> TOKENIZER_FILES = List.of(
            "tokenizer.json", "tokenizer_config.json", "special_tokens_map.json", "added_tokens.json",
            "vocab.json", "merges.txt", "tokenizer.model", "chat_template.jinja");
    private static final ObjectMapper JSON = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

    private ModelDirectory() {}

    /** A loaded model: weights in a sub-manager of the caller's, and the tokenizer when the directory has one. */
    public record LoadedModel(ModelConfig config, ModelWeights weights, Tokenizer tokenizer) implements AutoCloseable {
        @Override
        public void close() {
            weights.close();
            if (tokenizer != null) {
                tokenizer.close();
            }
        }
    }

    /** Loads config, weights and (if present) tokenizer from {@code dir}. */
    public static LoadedModel load(Path dir, NDManager parent) throws IOException {
        if (!Files.isDirectory(dir)) {
            throw new IOException("model directory not found: " + dir);
        }
        ModelConfig config = ModelConfig.read(dir);
        ModelWeights weights = loadWeights(dir, config, parent);
        Tokenizer tokenizer = Files.isRegularFile(dir.resolve("tokenizer.json")) ? Tokenizer.load(dir) : null;
        return new LoadedModel(config, weights, tokenizer);
    }

    /** Reads and strictly checks the weights of {@code config} from the safetensors in {@code dir}. */
    public static ModelWeights loadWeights(Path dir, ModelConfig config, NDManager parent) throws IOException {
        List<Path> files = weightFiles(dir);
        Map<String, long[]> expected = WeightNames.expected(config);
        List<SafetensorsFile> opened = new ArrayList<>();
        NDManager manager = parent.newSubManager();
        try {
            Map<String, SafetensorsFile> owner = new LinkedHashMap<>();
            for (Path f : files) {
                SafetensorsFile sf = new SafetensorsFile(f);
                opened.add(sf);
                for (String name : sf.entries().keySet()) {
                    owner.put(name, sf);
                }
            }
            List<String> problems = new ArrayList<>();
            for (Map.Entry<String, long[]> e : expected.entrySet()) {
                SafetensorsFile sf = owner.get(e.getKey());
                if (sf == null) {
                    problems.add("missing tensor " + e.getKey() + " " + Arrays.toString(e.getValue()));
                } else if (!Arrays.equals(sf.entries().get(e.getKey()).shape(), e.getValue())) {
                    problems.add("tensor " + e.getKey() + " has shape " + Arrays.toString(sf.entries().get(e.getKey()).shape())
                            + ", expected " + Arrays.toString(e.getValue()));
                }
            }
            for (String name : owner.keySet()) {
                // A tied checkpoint may still carry lm_head.weight (a copy of the embedding): HF ignores it too.
                boolean tiedHead = config.tieWordEmbeddings() && name.equals(WeightNames.LM_HEAD);
                if (!expected.containsKey(name) && !tiedHead) {
                    problems.add("unexpected tensor " + name);
                }
            }
            if (!problems.isEmpty()) {
                throw new IOException(dir + ": weights do not match config.json (" + config.architecture().hfClass + "): "
                        + String.join("; ", problems));
            }
            Map<String, NDArray> byName = new LinkedHashMap<>();
            for (Map.Entry<String, long[]> e : expected.entrySet()) {
                NDArray a = manager.create(owner.get(e.getKey()).readFloat32(e.getKey()), new Shape(e.getValue()));
                a.setName(e.getKey());
                byName.put(e.getKey(), a);
            }
            return new ModelWeights(config, manager, byName);
        } catch (IOException | RuntimeException e) {
            manager.close();
            throw e;
        } finally {
            for (SafetensorsFile sf : opened) {
                sf.close();
            }
        }
    }

    private static List<Path> weightFiles(Path dir) throws IOException {
        Path single = dir.resolve(SINGLE_FILE);
        Path index = dir.resolve(INDEX_FILE);
        if (Files.isRegularFile(index)) {
            JsonNode root;
            try {
                root = JSON.readTree(index.toFile());
            } catch (JsonProcessingException e) {
                throw new IOException(index + ": not valid JSON: " + e.getOriginalMessage());
            }
            JsonNode map = root.path("weight_map");
            if (!map.isObject() || map.isEmpty()) {
                throw new IOException(index + ": missing or empty \"weight_map\"");
            }
            TreeMap<String, Path> shards = new TreeMap<>();
            map.elements().forEachRemaining(f -> shards.put(f.asText(), dir.resolve(f.asText())));
            for (Path p : shards.values()) {
                if (!Files.isRegularFile(p)) {
                    throw new IOException(index + ": shard " + p.getFileName() + " listed in weight_map is missing");
                }
            }
            return new ArrayList<>(shards.values());
        }
        if (Files.isRegularFile(single)) {
            return List.of(single);
        }
        throw new IOException("no " + SINGLE_FILE + " or " + INDEX_FILE + " in " + dir + ": pass a Hugging Face model directory");
    }

    /**
     * Writes a complete model directory: config.json, weights (one file, or shards of at most
     * {@code maxShardBytes} with an index), generation_config.json and the tokenizer files of
     * {@code tokenizerDir} (may be null).
     */
    public static void save(Path dir, ModelWeights weights, Path tokenizerDir, long maxShardBytes) throws IOException {
        Files.createDirectories(dir);
        ModelConfig c = weights.config();
        Files.writeString(dir.resolve("config.json"), JSON.writeValueAsString(c.toJson()));
        List<Map<String, SafetensorsWriter.Tensor>> shards = new ArrayList<>();
        Map<String, SafetensorsWriter.Tensor> current = new LinkedHashMap<>();
        long bytes = 0;
        for (Map.Entry<String, NDArray> e : weights.all().entrySet()) {
            NDArray a = e.getValue();
            long size = 4L * a.size();
            if (!current.isEmpty() && bytes + size > maxShardBytes) {
                shards.add(current);
                current = new LinkedHashMap<>();
                bytes = 0;
            }
            current.put(e.getKey(), new SafetensorsWriter.Tensor(a.getShape().getShape(), a::toFloatArray));
            bytes += size;
        }
        shards.add(current);
        if (shards.size() == 1) {
            SafetensorsWriter.write(dir.resolve(SINGLE_FILE), shards.get(0));
        } else {
            ObjectNode index = JSON.createObjectNode();
            long total = 0;
            ObjectNode map = index.putObject("weight_map");
            for (int i = 0; i < shards.size(); i++) {
                String name = String.format("model-%05d-of-%05d.safetensors", i + 1, shards.size());
                SafetensorsWriter.write(dir.resolve(name), shards.get(i));
                for (Map.Entry<String, SafetensorsWriter.Tensor> t : shards.get(i).entrySet()) {
                    map.put(t.getKey(), name);
                    total += 4 * t.getValue().elements();
                }
            }
            index.putObject("metadata").put("total_size", total);
            Files.writeString(dir.resolve(INDEX_FILE), JSON.writeValueAsString(index));
        }
        ObjectNode gen = JSON.createObjectNode();
        if (c.bosTokenId() >= 0) {
            gen.put("bos_token_id", c.bosTokenId());
        }
        if (c.eosTokenIds().size() == 1) {
            gen.put("eos_token_id", c.eosTokenIds().get(0));
        } else if (!c.eosTokenIds().isEmpty()) {
            var a = gen.putArray("eos_token_id");
            c.eosTokenIds().forEach(a::add);
        }
        Files.writeString(dir.resolve("generation_config.json"), JSON.writeValueAsString(gen));
        if (tokenizerDir != null) {
            for (String f : TOKENIZER_FILES) {
                Path src = tokenizerDir.resolve(f);
                if (Files.isRegularFile(src)) {
                    Files.copy(src, dir.resolve(f), StandardCopyOption.REPLACE_EXISTING);
                }
            }
        }
    }

    /** {@link #save} with shards of at most 5 GB (the transformers default). */
    public static void save(Path dir, ModelWeights weights, Path tokenizerDir) throws IOException {
        save(dir, weights, tokenizerDir, 5_000_000_000L);
    }
}
