package io.grpo4j.model;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The exact Hugging Face tensor names and shapes of a Llama/Qwen2 checkpoint. Loading and saving
 * both go through this one list, so a name can never be spelled two ways.
 */
public final class WeightNames {
    public static final String EMBED = "model.embed_tokens.weight";
    public static final String FINAL_NORM = "model.norm.weight";
    public static final String LM_HEAD = "lm_head.weight";

    private WeightNames() {}

    public static String layer(int i, String suffix) {
        return "model.layers." + i + "." + suffix;
    }

    /** Name → shape (row-major, HF layout: Linear weights are [out, in]) for every tensor. */
    public static Map<String, long[]> expected(ModelConfig c) {
        Map<String, long[]> m = new LinkedHashMap<>();
        long h = c.hiddenSize();
        long q = (long) c.heads() * c.headDim();
        long kv = (long) c.kvHeads() * c.headDim();
        long ffn = c.intermediateSize();
        m.put(EMBED, new long[] {c.vocabSize(), h});
        for (int i = 0; i < c.layers(); i++) {
            m.put(layer(i, "input_layernorm.weight"), new long[] {h});
            m.put(layer(i, "self_attn.q_proj.weight"), new long[] {q, h});
            m.put(layer(i, "self_attn.k_proj.weight"), new long[] {kv, h});
            m.put(layer(i, "self_attn.v_proj.weight"), new long[] {kv, h});
            if (c.qkvBias()) {
                m.put(layer(i, "self_attn.q_proj.bias"), new long[] {q});
                m.put(layer(i, "self_attn.k_proj.bias"), new long[] {kv});
                m.put(layer(i, "self_attn.v_proj.bias"), new long[] {kv});
            }
            m.put(layer(i, "self_attn.o_proj.weight"), new long[] {h, q});
            m.put(layer(i, "post_attention_layernorm.weight"), new long[] {h});
            m.put(layer(i, "mlp.gate_proj.weight"), new long[] {ffn, h});
            m.put(layer(i, "mlp.up_proj.weight"), new long[] {ffn, h});
            m.put(layer(i, "mlp.down_proj.weight"), new long[] {h, ffn});
        }
        m.put(FINAL_NORM, new long[] {h});
        // Tied models store no lm_head: the head is the embedding matrix itself.
        if (!c.tieWordEmbeddings()) {
            m.put(LM_HEAD, new long[] {c.vocabSize(), h});
        }
        return m;
    }
}
