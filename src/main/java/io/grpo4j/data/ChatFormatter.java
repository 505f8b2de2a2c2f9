package io.grpo4j.data;

import java.util.List;

/**
 * A model's own chat template (from its {@code tokenizer_config.json}); implemented next to the
 * tokenizer, used here by the {@code chat} prompt template.
 */
public interface ChatFormatter {
    /**
     * @param messages the conversation so far
     * @param addGenerationPrompt whether to end with the opening of an assistant turn
     * @return the conversation as the text the model reads
     */
    String render(List<ChatMessage> messages, boolean addGenerationPrompt);
}
