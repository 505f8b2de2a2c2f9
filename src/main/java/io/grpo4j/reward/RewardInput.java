package io.grpo4j.reward;

import java.util.Map;

/**
 * What a rule sees for one completion.
 *
 * @param prompt the rendered prompt (may be empty; never executed)
 * @param completion the generated text, without the prompt
 * @param completionTokens number of generated tokens, or -1 when unknown (rules that need it then
 *     answer "not applicable")
 * @param finishReason "stop" or "length" (null when unknown)
 * @param answer the gold answer as the dataset gives it ("18", "#### 1,600", LaTeX); may be null
 * @param row every column of the dataset row as plain Java values (String, Long/Double, Boolean,
 *     List, Map), e.g. "nums" → List&lt;Long&gt;, "target" → Long
 */
public record RewardInput(
        String prompt,
        String completion,
        int completionTokens,
        String finishReason,
        String answer,
        Map<String, Object> row) {

    public RewardInput {
        prompt = prompt == null ? "" : prompt;
        completion = completion == null ? "" : completion;
        row = row == null ? Map.of() : row;
    }

    /** A completion with a gold answer and nothing else (tests, quick checks). */
    public static RewardInput of(String completion, String answer) {
        return new RewardInput("", completion, -1, "stop", answer, Map.of());
    }
}
