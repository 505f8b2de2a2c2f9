package io.grpo4j.data;

/**
 * The words of every built-in prompt template, in one place. Placeholders are {@code {name}}:
 * {@code {question}} is the problem's question, any other name a column of its row.
 */
public final class TemplateTexts {
    private TemplateTexts() {}

    /** DeepSeek-R1-Zero's plain-text conversation (DeepSeek-R1 paper, table 1), for base models. */
    public static final String R1_ZERO = "A conversation between User and Assistant. The user asks a question, and the "
            + "Assistant solves it. The assistant first thinks about the reasoning process in the mind and then "
            + "provides the user with the answer. The reasoning process and answer are enclosed within <think> "
            + "</think> and <answer> </answer> tags, respectively, i.e., <think> reasoning process here </think> "
            + "<answer> answer here </answer>. User: {question}. Assistant:";

    /** Appended to a plain-text prompt when the template pre-fills the start of the reasoning. */
    public static final String THINK_PREFILL = " <think>";

    /** Appended after a chat template's generation prompt (which ends with a newline) to pre-fill. */
    public static final String CHAT_THINK_PREFILL = "<think>\n";

    /** System prompt of the {@code chat} template: states the output format to instruct models. */
    public static final String CHAT_SYSTEM = "You are a helpful assistant. The user asks a question and you solve it. "
            + "First think about the reasoning process, then give the answer. Enclose the reasoning in <think> "
            + "</think> tags and the final answer in <answer> </answer> tags, i.e., <think> reasoning process "
            + "here </think> <answer> answer here </answer>.";

    /** For math-tuned models that are trained to box their answers. */
    public static final String BOXED = "{question}\nPlease reason step by step, and put your final answer within \\boxed{}.";

    /**
     * The Countdown task in TinyZero's setup (R1-Zero conversation, the numbers and target, an
     * example answer), worded for grpo4j; needs the {@code nums} and {@code target} columns.
     */
    public static final String COUNTDOWN = "A conversation between User and Assistant. The user asks a question, and "
            + "the Assistant solves it. The assistant first thinks about the reasoning process in the mind and then "
            + "provides the user with the answer.\n"
            + "User: Using the numbers {nums}, create an equation that equals {target}. You may use +, -, * and /, "
            + "and each number must be used exactly once. Think it through inside <think> </think> tags, then give "
            + "only the equation inside <answer> </answer> tags, for example <answer> (1 + 2) / 3 </answer>.\n"
            + "Assistant: Let me solve this step by step.";
}
