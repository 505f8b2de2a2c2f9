package io.grpo4j.data;

import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** The prompt templates, their texts in one place. */
public final class PromptTemplates {
    /** DeepSeek-R1-Zero's conversation template (R1 paper, Table 1). */
    public static final String R1_ZERO = "A conversation between User and Assistant. The user asks a question, and the "
            + "Assistant solves it. The assistant first thinks about the reasoning process in the mind and then provides "
            + "the user with the answer. The reasoning process and answer are enclosed within <think> </think> and "
            + "<answer> </answer> tags, respectively, i.e., <think> reasoning process here </think> <answer> answer here "
            + "</answer>. User: {question}. Assistant:";

    /** System prompt for instruct models that states the R1 format. */
    public static final String CHAT_SYSTEM = "You are a helpful assistant. You first think about the reasoning process "
            + "and then give the answer. Enclose the reasoning in <think> </think> and the final answer in "
            + "<answer> </answer>, i.e., <think> reasoning process here </think> <answer> answer here </answer>.";

    /** For math-tuned models that answer in \boxed{}. */
    public static final String BOXED = "{question}\nPlease reason step by step, and put your final answer within \\boxed{}.";

    /** TinyZero's Countdown instruction. */
    public static final String COUNTDOWN = "Using the numbers {nums}, create an equation that equals {target}. You can use "
            + "basic arithmetic operations (+, -, *, /) and each number can only be used once. Show your work in "
            + "<think> </think> tags. And return the final answer in <answer> </answer> tags, for example "
            + "<answer> (1 + 2) / 3 </answer>.";

    public static final List<String> NAMES = List.of("r1-zero", "chat", "boxed", "countdown");

    private static final Pattern PLACEHOLDER = Pattern.compile("\\{([A-Za-z_][A-Za-z0-9_]*)}");

    private PromptTemplates() {}

    /** Renders one problem into prompt text. */
    public interface PromptTemplate {
        String render(Problem p);
    }

    /**
     * A template by name (r1-zero, chat, boxed, countdown) or custom text with {question} and
     * {column} placeholders.
     *
     * @param prefillThink end the prompt with "&lt;think&gt;" (r1-zero, chat, custom)
     * @param chat the model's chat template, required for "chat"
     * @param systemPrompt system message for "chat" (null: {@link #CHAT_SYSTEM})
     */
    public static PromptTemplate of(String nameOrText, boolean prefillThink, ChatFormatter chat, String systemPrompt) {
        String think = prefillThink ? " <think>" : "";
        return switch (nameOrText) {
            case "r1-zero" -> p -> fill(R1_ZERO, p) + think;
            case "boxed" -> p -> fill(BOXED, p);
            case "countdown" -> p -> fill(COUNTDOWN, p) + "\nAssistant: Let me solve this step by step." + think;
            case "chat" -> {
                if (chat == null) {
                    throw new IllegalArgumentException("template 'chat' needs a model with a chat template in tokenizer_config.json");
                }
                String system = systemPrompt == null ? CHAT_SYSTEM : systemPrompt;
                yield p -> chat.render(List.of(new ChatMessage("system", system), new ChatMessage("user", p.question())), true)
                        + (prefillThink ? "<think>" : "");
            }
            default -> {
                if (!nameOrText.contains("{")) {
                    throw new IllegalArgumentException("unknown template '" + nameOrText + "': use one of " + NAMES
                            + " or custom text with a {question} placeholder");
                }
                yield p -> fill(nameOrText, p) + think;
            }
        };
    }

    /** Replaces {question} and {column} placeholders; an unknown placeholder is an error naming it. */
    static String fill(String template, Problem p) {
        Matcher m = PLACEHOLDER.matcher(template);
        StringBuilder sb = new StringBuilder();
        while (m.find()) {
            String key = m.group(1);
            Object value = key.equals("question") ? p.question() : p.columns().get(key);
            if (value == null) {
                throw new IllegalArgumentException("template placeholder {" + key + "} is not a column of problem "
                        + p.id() + " (columns: " + p.columns().keySet() + ")");
            }
            m.appendReplacement(sb, Matcher.quoteReplacement(String.valueOf(value)));
        }
        m.appendTail(sb);
        return sb.toString();
    }

    /** Convenience for templates that need no chat formatter. */
    public static String render(String nameOrText, boolean prefillThink, Problem p) {
        return of(nameOrText, prefillThink, null, null).render(p);
    }

    static Map<String, Object> columnsOf(Problem p) {
        return p.columns();
    }
}
