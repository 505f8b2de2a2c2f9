package io.grpo4j.model.tokenizer;

import com.hubspot.jinjava.Jinjava;
import com.hubspot.jinjava.JinjavaConfig;
import com.hubspot.jinjava.LegacyOverrides;
import com.hubspot.jinjava.interpret.RenderResult;
import com.hubspot.jinjava.interpret.TemplateError;
import com.hubspot.jinjava.lib.fn.ELFunctionDefinition;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * A Hugging Face chat template (Jinja) rendered with jinjava, configured like transformers'
 * sandbox: {@code trim_blocks} and {@code lstrip_blocks} on, {@code raise_exception} defined.
 */
public final class ChatTemplate {
    private final String source;
    private final String bosToken;
    private final String eosToken;
    private final Jinjava jinjava;

    public ChatTemplate(String source, String bosToken, String eosToken) {
        this.source = source;
        this.bosToken = bosToken;
        this.eosToken = eosToken;
        // Jinja semantics HF templates rely on: "{{-" trims, "-%}" trims strictly, natural operator
        // precedence, and Python-style rendering of values.
        LegacyOverrides jinja = LegacyOverrides.newBuilder()
                .withUseTrimmingForNotesAndExpressions(true)
                .withParseWhitespaceControlStrictly(true)
                .withUseNaturalOperatorPrecedence(true)
                .withUsePyishObjectMapper(true)
                .withKeepNullableLoopValues(true)
                .withEvaluateMapKeys(true)
                .build();
        JinjavaConfig config = JinjavaConfig.newBuilder()
                .withTrimBlocks(true).withLstripBlocks(true).withLegacyOverrides(jinja).build();
        this.jinjava = new Jinjava(config);
        jinjava.getGlobalContext().registerFunction(new ELFunctionDefinition(
                "", "raise_exception", ChatTemplate.class, "raiseException", String.class));
    }

    /** Called by templates that reject a conversation. */
    public static String raiseException(String message) {
        throw new IllegalArgumentException("chat template refused the conversation: " + message);
    }

    /**
     * Renders a conversation.
     *
     * @param messages maps with "role" and "content"
     * @param addGenerationPrompt append the assistant header so the model continues as the assistant
     */
    public String render(List<Map<String, String>> messages, boolean addGenerationPrompt) {
        Map<String, Object> ctx = new HashMap<>();
        ctx.put("messages", messages);
        ctx.put("add_generation_prompt", addGenerationPrompt);
        ctx.put("bos_token", bosToken);
        ctx.put("eos_token", eosToken);
        ctx.put("tools", null);
        RenderResult r = jinjava.renderForResult(source, ctx);
        for (TemplateError e : r.getErrors()) {
            if (e.getSeverity() == TemplateError.ErrorType.FATAL) {
                throw new IllegalArgumentException("chat template failed at line " + e.getLineno() + ": " + e.getMessage());
            }
        }
        return r.getOutput();
    }
}
