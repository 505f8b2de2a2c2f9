package io.grpo4j.data;

import java.util.List;

/**
 * The prompt templates by name, and custom ones given as text.
 *
 * <ul>
 *   <li>{@code r1-zero}: {@link TemplateTexts#R1_ZERO}, for base models.
 *   <li>{@code chat}: the model's chat template with {@link TemplateTexts#CHAT_SYSTEM} as system
 *       prompt and the question as the user turn, for instruct models.
 *   <li>{@code boxed}: {@link TemplateTexts#BOXED}, plain text, for math-tuned models.
 *   <li>{@code countdown}: {@link TemplateTexts#COUNTDOWN}, for Countdown rows.
 *   <li>any other text with {@code {question}} / {@code {column}} placeholders (see {@link
 *       TextTemplate}).
 * </ul>
 *
 * With {@code prefillThink} the prompt ends with the opening {@code <think>} tag, so the model
 * starts inside its reasoning: {@link TemplateTexts#THINK_PREFILL} after plain text, {@link
 * TemplateTexts#CHAT_THINK_PREFILL} after a chat generation prompt.
 */
public final class PromptTemplates {
    public static final List<String> NAMES = List.of("r1-zero", "chat", "boxed", "countdown");

    private PromptTemplates() {}

    /**
     * @param nameOrText a name from {@link #NAMES} or a custom text with placeholders
     * @param chat the model's chat template; required for {@code chat}, unused otherwise (may be null)
     */
    public static PromptTemplate of(String nameOrText, boolean prefillThink, ChatFormatter chat) {
        if (nameOrText == null || nameOrText.isBlank()) {
            throw new IllegalArgumentException("prompt template is empty: use one of " + String.join(", ", NAMES)
                    + ", or a text with a {question} placeholder");
        }
        String prefill = prefillThink ? TemplateTexts.THINK_PREFILL : "";
        switch (nameOrText) {
            case "r1-zero":
                return new TextTemplate(TemplateTexts.R1_ZERO, prefill);
            case "boxed":
                return new TextTemplate(TemplateTexts.BOXED, prefill);
            case "countdown":
                return new TextTemplate(TemplateTexts.COUNTDOWN, prefill);
            case "chat":
                return chatTemplate(prefillThink, chat);
            default:
                return custom(nameOrText, prefill);
        }
    }

    private static PromptTemplate chatTemplate(boolean prefillThink, ChatFormatter chat) {
        if (chat == null) {
            throw new IllegalArgumentException("prompt template 'chat' needs the model's chat template, and this model has "
                    + "none (no chat_template in tokenizer_config.json): use r1-zero for base models");
        }
        String prefill = prefillThink ? TemplateTexts.CHAT_THINK_PREFILL : "";
        return p -> chat.render(List.of(
                        new ChatMessage("system", TemplateTexts.CHAT_SYSTEM),
                        new ChatMessage("user", p.question())), true)
                + prefill;
    }

    private static PromptTemplate custom(String text, String prefill) {
        TextTemplate t = new TextTemplate(text, prefill);
        if (t.placeholders().isEmpty()) {
            throw new IllegalArgumentException("prompt template '" + abbreviate(text) + "' is neither a built-in name ("
                    + String.join(", ", NAMES) + ") nor a text with a {question} placeholder");
        }
        return t;
    }

    private static String abbreviate(String text) {
        return text.length() <= 60 ? text : text.substring(0, 57) + "...";
    }
}
