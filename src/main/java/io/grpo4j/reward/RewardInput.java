package io.grpo4j.reward;

import java.util.Map;

/**
 * What a rule sees for one completion.
 *
 * @param finishReason "stop" or "length"
 * @param answer the gold answer (may be null)
 * @param row every column of the dataset row as plain Java values
 */
public record RewardInput(String prompt, String completion, int completionTokens, String finishReason, String answer,
        Map<String, Object> row) {}
