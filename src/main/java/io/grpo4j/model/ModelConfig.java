package io.grpo4j.model;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * The architecture hyper-parameters of a Llama- or Qwen2-style decoder, as read from (and
 * written to) a Hugging Face {@code config.json}. HF snake_case names appear only in {@link
 * #parse} and {@link #toJson}.
 *
 * @param architecture which family (decides the HF architecture name and the default qkv bias)
 * @param hiddenSize model width (HF {@code hidden_size})
 * @param intermediateSize SwiGLU inner width (HF {@code intermediate_size})
 * @param layers number of decoder layers (HF {@code num_hidden_layers})
 * @param heads query heads (HF {@code num_attention_heads})
 * @param kvHeads key/value heads, GQA when fewer than {@code heads}
 * @param headDim per-head width; HF {@code head_dim} when given, else hidden / heads
 * @param rmsNormEps epsilon inside RMSNorm
 * @param ropeTheta rotary base frequency
 * @param ropeScaling optional frequency scaling (Llama 3 style), null when absent
 * @param vocabSize embedding rows
 * @param tieWordEmbeddings whether the LM head reuses the embedding matrix
 * @param maxPositionEmbeddings longest context the model was built for
 * @param qkvBias whether q/k/v projections carry a bias (always for Qwen2; HF {@code attention_bias} for Llama)
 * @param bosTokenId beginning-of-sequence id, or -1
 * @param eosTokenIds end-of-sequence ids (HF allows one or a list)
 * @param torchDtype the dtype name recorded in the file ("float32", "bfloat16", …), informational
 */
public record ModelConfig(
        Architecture architecture,
        int hiddenSize,
        int intermediateSize,
        int layers,
        int heads,
        int kvHeads,
        int headDim,
        double rmsNormEps,
        double ropeTheta,
        RopeScaling ropeScaling,
        int vocabSize,
        boolean tieWordEmbeddings,
        int maxPositionEmbeddings,
        boolean qkvBias,
        int bosTokenId,
        List<Integer> eosTokenIds,
        String torchDtype) {

    /** The decoder families grpo4j runs. */
    public enum Architecture {
        LLAMA("LlamaForCausalLM", "llama"),
        QWEN2("Qwen2ForCausalLM", "qwen2");

        public final String hfClass;
        public final String modelType;

        Architecture(String hfClass, String modelType) {
            this.hfClass = hfClass;
            this.modelType = modelType;
        }

        /** Parses "llama" / "qwen2" (case-insensitive) or an HF class name. */
        public static Architecture parse(String name) {
            for (Architecture a : values()) {
                if (a.hfClass.equals(name) || a.modelType.equalsIgnoreCase(name)) {
                    return a;
                }
            }
            throw new IllegalArgumentException(
                    "unsupported architecture '" + name + "'; supported: " + supported());
        }

        static String supported() {
            List<String> names = new ArrayList<>();
            for (Architecture a : values()) {
                names.add(a.hfClass);
            }
            return String.join(", ", names);
        }
    }

    /**
     * RoPE frequency scaling from HF {@code rope_scaling}. Supported types: {@code default}
     * (none), {@code linear} (divide positions by factor) and {@code llama3} (per-frequency
     * smoothing between low and high frequency bands).
     */
    public record RopeScaling(
            String type,
            double factor,
            double lowFreqFactor,
            double highFreqFactor,
            int originalMaxPositionEmbeddings) {
        public RopeScaling {
            if (!List.of("default", "linear", "llama3").contains(type)) {
                throw new IllegalArgumentException(
                        "rope_scaling.rope_type '" + type + "' is not supported; supported: default, linear, llama3");
            }
        }
    }

    public ModelConfig {
        require(hiddenSize > 0, "hidden_size must be > 0");
        require(intermediateSize > 0, "intermediate_size must be > 0");
        require(layers > 0, "num_hidden_layers must be > 0");
        require(heads > 0, "num_attention_heads must be > 0");
        require(kvHeads > 0 && heads % kvHeads == 0,
                "num_key_value_heads (" + kvHeads + ") must divide num_attention_heads (" + heads + ")");
        require(headDim > 0 && headDim % 2 == 0, "head_dim must be a positive even number, got " + headDim);
        require(vocabSize > 0, "vocab_size must be > 0");
        require(rmsNormEps > 0, "rms_norm_eps must be > 0");
        require(ropeTheta > 0, "rope_theta must be > 0");
        eosTokenIds = List.copyOf(eosTokenIds);
    }

    private static void require(boolean ok, String message) {
        if (!ok) {
            throw new IllegalArgumentException(message);
        }
    }

    /** Query heads per key/value head. */
    public int groupSize() {
        return heads / kvHeads;
    }

    /** Reads {@code dir/config.json}; errors name the file and the field. */
    public static ModelConfig read(Path dir) throws IOException {
        Path file = dir.resolve("config.json");
        if (!Files.isRegularFile(file)) {
            throw new NoSuchFileException(file.toString(), null,
                    "no config.json in " + dir + ": pass a Hugging Face model directory");
        }
        JsonNode root;
        try {
            root = new ObjectMapper().readTree(file.toFile());
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            throw new IOException(file + ": not valid JSON: " + e.getOriginalMessage(), e);
        }
        try {
            return parse(root);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException(file + ": " + e.getMessage(), e);
        }
    }

    /** Parses an HF config object. Unknown architectures are refused with the supported list. */
    public static ModelConfig parse(JsonNode root) {
        Architecture arch = architectureOf(root);
        int hidden = requiredInt(root, "hidden_size");
        int heads = requiredInt(root, "num_attention_heads");
        int kvHeads = root.hasNonNull("num_key_value_heads") ? requiredInt(root, "num_key_value_heads") : heads;
        int headDim = root.hasNonNull("head_dim") ? requiredInt(root, "head_dim") : hidden / heads;
        boolean qkvBias = arch == Architecture.QWEN2
                || (root.hasNonNull("attention_bias") && root.get("attention_bias").asBoolean());
        return new ModelConfig(
                arch,
                hidden,
                requiredInt(root, "intermediate_size"),
                requiredInt(root, "num_hidden_layers"),
                heads,
                kvHeads,
                headDim,
                root.path("rms_norm_eps").asDouble(1e-6),
                root.path("rope_theta").asDouble(10000.0),
                ropeScalingOf(root.get("rope_scaling")),
                requiredInt(root, "vocab_size"),
                root.path("tie_word_embeddings").asBoolean(false),
                root.path("max_position_embeddings").asInt(2048),
                qkvBias,
                root.path("bos_token_id").asInt(-1),
                idList(root.get("eos_token_id")),
                root.path("torch_dtype").asText("float32"));
    }

    private static Architecture architectureOf(JsonNode root) {
        JsonNode archs = root.get("architectures");
        if (archs != null && archs.isArray() && archs.size() > 0) {
            String name = archs.get(0).asText();
            for (Architecture a : Architecture.values()) {
                if (a.hfClass.equals(name)) {
                    return a;
                }
            }
            throw new IllegalArgumentException("architectures: unsupported architecture '" + name
                    + "'; supported: " + Architecture.supported());
        }
        if (root.hasNonNull("model_type")) {
            String type = root.get("model_type").asText();
            for (Architecture a : Architecture.values()) {
                if (a.modelType.equals(type)) {
                    return a;
                }
            }
            throw new IllegalArgumentException("model_type: unsupported model type '" + type
                    + "'; supported: " + Architecture.supported());
        }
        throw new IllegalArgumentException(
                "missing field 'architectures' (expected one of " + Architecture.supported() + ")");
    }

    private static int requiredInt(JsonNode root, String field) {
        JsonNode n = root.get(field);
        if (n == null || n.isNull()) {
            throw new IllegalArgumentException("missing field '" + field + "'");
        }
        if (!n.canConvertToInt() || !n.isIntegralNumber()) {
            throw new IllegalArgumentException("field '" + field + "' must be an integer, got " + n);
        }
        return n.asInt();
    }

    private static List<Integer> idList(JsonNode n) {
        List<Integer> ids = new ArrayList<>();
        if (n == null || n.isNull()) {
            return ids;
        }
        if (n.isArray()) {
            n.forEach(x -> ids.add(x.asInt()));
        } else {
            ids.add(n.asInt());
        }
        return ids;
    }

    private static RopeScaling ropeScalingOf(JsonNode n) {
        if (n == null || n.isNull()) {
            return null;
        }
        // HF renamed "type" to "rope_type"; checkpoints carry either.
        String type = n.hasNonNull("rope_type") ? n.get("rope_type").asText() : n.path("type").asText("default");
        type = type.toLowerCase(Locale.ROOT);
        return new RopeScaling(
                type,
                n.path("factor").asDouble(1.0),
                n.path("low_freq_factor").asDouble(1.0),
                n.path("high_freq_factor").asDouble(4.0),
                n.path("original_max_position_embeddings").asInt(8192));
    }

    /** The HF {@code config.json} object for this config. */
    public ObjectNode toJson() {
        ObjectMapper om = new ObjectMapper();
        ObjectNode o = om.createObjectNode();
        o.putArray("architectures").add(architecture.hfClass);
        o.put("model_type", architecture.modelType);
        o.put("hidden_size", hiddenSize);
        o.put("intermediate_size", intermediateSize);
        o.put("num_hidden_layers", layers);
        o.put("num_attention_heads", heads);
        o.put("num_key_value_heads", kvHeads);
        o.put("head_dim", headDim);
        o.put("hidden_act", "silu");
        o.put("rms_norm_eps", rmsNormEps);
        o.put("rope_theta", ropeTheta);
        if (ropeScaling != null) {
            ObjectNode rs = o.putObject("rope_scaling");
            rs.put("rope_type", ropeScaling.type());
            rs.put("factor", ropeScaling.factor());
            rs.put("low_freq_factor", ropeScaling.lowFreqFactor());
            rs.put("high_freq_factor", ropeScaling.highFreqFactor());
            rs.put("original_max_position_embeddings", ropeScaling.originalMaxPositionEmbeddings());
        } else {
            o.putNull("rope_scaling");
        }
        o.put("vocab_size", vocabSize);
        o.put("tie_word_embeddings", tieWordEmbeddings);
        o.put("max_position_embeddings", maxPositionEmbeddings);
        if (architecture == Architecture.LLAMA) {
            o.put("attention_bias", qkvBias);
            o.put("mlp_bias", false);
        }
        if (bosTokenId >= 0) {
            o.put("bos_token_id", bosTokenId);
        }
        if (eosTokenIds.size() == 1) {
            o.put("eos_token_id", eosTokenIds.get(0));
        } else if (!eosTokenIds.isEmpty()) {
            ArrayNode a = o.putArray("eos_token_id");
            eosTokenIds.forEach(a::add);
        }
        o.put("torch_dtype", torchDtype);
        o.put("use_cache", true);
        return o;
    }
}
