package io.grpo4j.config;

import com.fasterxml.jackson.annotation.JsonProperty;

/**
 * Reward rules.
 *
 * @param rules a rule file (path), the name of a file in rewards/ ("r1-zero"), or "format,accuracy"
 * @param plugins optional folder of jars with Java rule classes
 */
public record RewardSection(
        @JsonProperty("rules") String rules,
        @JsonProperty("plugins") String plugins) {
    public RewardSection {
        rules = rules == null ? "r1-zero" : rules;
    }
}
