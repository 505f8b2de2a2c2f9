package io.grpo4j.data;

import java.util.List;

/** Renders a conversation with a model's chat template (implemented by the model's tokenizer). */
public interface ChatFormatter {
    String render(List<ChatMessage> messages, boolean addGenerationPrompt);
}
