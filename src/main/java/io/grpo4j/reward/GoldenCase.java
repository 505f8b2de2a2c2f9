package io.grpo4j.reward;

import java.util.Map;

/**
 * A worked example stored in a rule file ({@code "cases": [...]}): an input and the scores the rule
 * set must give it. They document the file and are checked by the tests.
 *
 * @param comment what the case shows
 * @param input the completion, gold answer and row
 * @param expected rule name → expected score (NaN = not applicable)
 * @param expectedTotal the expected weighted total, or null when not given
 */
public record GoldenCase(String comment, RewardInput input, Map<String, Double> expected, Double expectedTotal) {}
