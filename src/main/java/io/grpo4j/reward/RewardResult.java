package io.grpo4j.reward;

import java.util.LinkedHashMap;

/** Per-completion result: weighted total over applicable rules, and every rule's score and reason in rule order. */
public record RewardResult(double total, LinkedHashMap<String, Double> scores, LinkedHashMap<String, String> reasons) {}
