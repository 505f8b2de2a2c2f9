package io.grpo4j.config;

import com.fasterxml.jackson.annotation.JsonProperty;
import java.util.List;

/**
 * Which policy to train: a Hugging Face model directory ({@code path}) or a model created from
 * scratch ({@code init}); exactly one of the two.
 *
 * @param path HF model directory (config.json, safetensors, tokenizer.json)
 * @param init sizes of a randomly initialised model
 * @param device auto | cpu | gpu
 */
public record ModelSection(
        @JsonProperty("path") String path,
        @JsonProperty("init") InitSpec init,
        @JsonProperty("device") String device) {

    public static final List<String> DEVICES = List.of("auto", "cpu", "gpu");

    public ModelSection {
        device = device == null ? "auto" : device;
        Checks.require(DEVICES.contains(device), "model.device must be one of " + DEVICES + ", got '" + device + "'");
        Checks.require((path == null) != (init == null),
                "give exactly one of model.path (a Hugging Face model directory) or model.init (sizes of a new model)");
    }

    /**
     * Sizes of a from-scratch model.
     *
     * @param arch llama | qwen2
     * @param tokenizer "builtin" (the small arithmetic tokenizer) or a folder/file with tokenizer.json
     */
    public record InitSpec(
            @JsonProperty("arch") String arch,
            @JsonProperty("hidden") int hidden,
            @JsonProperty("layers") int layers,
            @JsonProperty("heads") int heads,
            @JsonProperty("kv_heads") int kvHeads,
            @JsonProperty("ffn") int ffn,
            @JsonProperty("head_dim") Integer headDim,
            @JsonProperty("tie_embeddings") boolean tieEmbeddings,
            @JsonProperty("max_positions") int maxPositions,
            @JsonProperty("rope_theta") double ropeTheta,
            @JsonProperty("tokenizer") String tokenizer,
            @JsonProperty("seed") long seed) {
        public InitSpec {
            arch = arch == null ? "llama" : arch;
            tokenizer = tokenizer == null ? "builtin" : tokenizer;
            maxPositions = maxPositions == 0 ? 512 : maxPositions;
            ropeTheta = ropeTheta == 0 ? 10000.0 : ropeTheta;
            Checks.require(List.of("llama", "qwen2").contains(arch), "model.init.arch must be llama or qwen2, got '" + arch + "'");
            Checks.require(hidden > 0 && layers > 0 && heads > 0 && kvHeads > 0 && ffn > 0,
                    "model.init needs positive hidden, layers, heads, kv_heads and ffn");
            Checks.require(heads % kvHeads == 0, "model.init.kv_heads (" + kvHeads + ") must divide heads (" + heads + ")");
            Checks.require(headDim != null || hidden % heads == 0,
                    "model.init.hidden (" + hidden + ") must be divisible by heads (" + heads + "), or give head_dim");
        }
    }
}
