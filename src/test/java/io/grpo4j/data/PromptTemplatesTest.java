package io.grpo4j.data;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/** Shows each rendered prompt for a sample row, character for character. */
class PromptTemplatesTest {
    /** A row as the arithmetic generator writes it. */
    private static final Problem ARITHMETIC = new Problem("arithmetic-train-00000", "arithmetic/train", "37+5", "42",
            Map.of("question", "37+5", "answer", 42L, "a", 37L, "b", 5L, "op", "+"));

    /** A Countdown row: the template reads nums and target. */
    private static final Problem COUNTDOWN = new Problem("countdown-test-00000", "countdown/test",
            "Using the numbers [44, 19, 35], create an equation that equals 98.", "98",
            Map.of("nums", List.of(44L, 19L, 35L), "target", 98L));

    @Test
    void r1Zero() {
        assertEquals("A conversation between User and Assistant. The user asks a question, and the Assistant solves it. "
                + "The assistant first thinks about the reasoning process in the mind and then provides the user with the "
                + "answer. The reasoning process and answer are enclosed within <think> </think> and <answer> </answer> "
                + "tags, respectively, i.e., <think> reasoning process here </think> <answer> answer here </answer>. "
                + "User: 37+5. Assistant:",
                PromptTemplates.of("r1-zero", false, null).render(ARITHMETIC));
    }

    @Test
    void r1ZeroWithThePrefilledThinkTag() {
        String prompt = PromptTemplates.of("r1-zero", true, null).render(ARITHMETIC);
        assertEquals(PromptTemplates.of("r1-zero", false, null).render(ARITHMETIC) + " <think>", prompt);
        assertEquals(true, prompt.endsWith("User: 37+5. Assistant: <think>"));
    }

    @Test
    void boxed() {
        assertEquals("37+5\nPlease reason step by step, and put your final answer within \\boxed{}.",
                PromptTemplates.of("boxed", false, null).render(ARITHMETIC));
    }

    @Test
    void countdown() {
        assertEquals("A conversation between User and Assistant. The user asks a question, and the Assistant solves it. "
                + "The assistant first thinks about the reasoning process in the mind and then provides the user with the answer.\n"
                + "User: Using the numbers [44, 19, 35], create an equation that equals 98. You may use +, -, * and /, and "
                + "each number must be used exactly once. Think it through inside <think> </think> tags, then give only the "
                + "equation inside <answer> </answer> tags, for example <answer> (1 + 2) / 3 </answer>.\n"
                + "Assistant: Let me solve this step by step. <think>",
                PromptTemplates.of("countdown", true, null).render(COUNTDOWN));
    }

    @Test
    void countdownOnARowWithoutItsColumnsNamesTheMissingOne() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> PromptTemplates.of("countdown", false, null).render(ARITHMETIC));
        assertEquals("prompt template placeholder {nums} is not a column of problem 'arithmetic-train-00000' "
                + "(arithmetic/train); use {question}, {id} or one of its columns: "
                + String.join(", ", ARITHMETIC.columns().keySet()), e.getMessage());
    }

    @Test
    void chatUsesTheModelsOwnTemplateWithTheFormatSystemPrompt() {
        ChatFormatter qwen = chatMl();
        assertEquals("<|im_start|>system\n" + TemplateTexts.CHAT_SYSTEM + "<|im_end|>\n"
                + "<|im_start|>user\n37+5<|im_end|>\n"
                + "<|im_start|>assistant\n",
                PromptTemplates.of("chat", false, qwen).render(ARITHMETIC));
        assertEquals(PromptTemplates.of("chat", false, qwen).render(ARITHMETIC) + "<think>\n",
                PromptTemplates.of("chat", true, qwen).render(ARITHMETIC));
    }

    @Test
    void chatWithoutAChatTemplateIsAnError() {
        assertEquals("prompt template 'chat' needs the model's chat template, and this model has none (no chat_template "
                + "in tokenizer_config.json): use r1-zero for base models",
                assertThrows(IllegalArgumentException.class, () -> PromptTemplates.of("chat", false, null)).getMessage());
    }

    @Test
    void customTextFillsQuestionAndColumnsAndLeavesOtherBracesAlone() {
        PromptTemplate t = PromptTemplates.of("Q{id}: {a} {op} {b} = ? Give {{answer}} in \\boxed{}. {question}", false, null);
        assertEquals("Qarithmetic-train-00000: 37 + 5 = ? Give {answer} in \\boxed{}. 37+5", t.render(ARITHMETIC));
        assertEquals("Numbers [44, 19, 35] to 98", PromptTemplates.of("Numbers {nums} to {target}", false, null).render(COUNTDOWN));
    }

    @Test
    void customTextWithAnUnknownPlaceholderNamesIt() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> PromptTemplates.of("Solve {question} using {hint}", false, null).render(ARITHMETIC));
        assertEquals("prompt template placeholder {hint} is not a column of problem 'arithmetic-train-00000' "
                + "(arithmetic/train); use {question}, {id} or one of its columns: "
                + String.join(", ", ARITHMETIC.columns().keySet()), e.getMessage());
    }

    @Test
    void aNameThatIsNoTemplateListsTheBuiltIns() {
        assertEquals("prompt template 'r1_zero' is neither a built-in name (r1-zero, chat, boxed, countdown) nor a text "
                + "with a {question} placeholder",
                assertThrows(IllegalArgumentException.class, () -> PromptTemplates.of("r1_zero", false, null)).getMessage());
    }

    /**
     * ChatML as Qwen2.5's chat template writes it for system + user turns and a generation prompt
     * (the real template is rendered by the model package; here only how the prompt template
     * composes the turns is under test).
     */
    private static ChatFormatter chatMl() {
        return (messages, addGenerationPrompt) -> messages.stream()
                .map(m -> "<|im_start|>" + m.role() + "\n" + m.content() + "<|im_end|>\n")
                .collect(Collectors.joining())
                + (addGenerationPrompt ? "<|im_start|>assistant\n" : "");
    }
}
