package io.grpo4j.reward;

import java.util.LinkedHashMap;

/**
 * The scores of one completion.
 *
 * @param total weighted sum over the rules whose score is not NaN (0 when every rule is NaN)
 * @param scores every rule's score, in rule order (NaN = not applicable or failed)
 * @param reasons every rule's reason, in rule order (null when the rule gave none)
 */
public record RewardResult(
        double total, LinkedHashMap<String, Double> scores, LinkedHashMap<String, String> reasons) {}
