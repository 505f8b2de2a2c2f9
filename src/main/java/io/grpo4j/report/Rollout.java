package io.grpo4j.report;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * One logged completion, a line of {@code rollouts.jsonl}. Absent text fields are null, absent
 * numbers NaN (a rule that did not apply logs null), and an absent length is -1.
 *
 * @param rewards each rule's unweighted score, in the order the run logged them
 * @param reasons why a rule gave less than full marks, where the rule said
 */
public record Rollout(int step, String promptId, int sample, String prompt, String completion, String think,
        String answer, String gold, Map<String, Double> rewards, Map<String, String> reasons, double reward,
        double advantage, int length, String finishReason) {

    /** The rule whose score 1 means "correct", as in {@code Evaluator}: accuracy, else countdown. */
    public static final String[] CORRECTNESS_RULES = {"accuracy", "countdown"};

    /** The rule whose score 1 means "well formatted". */
    public static final String FORMAT_RULE = "format";

    public static Rollout of(JsonNode o) {
        Map<String, Double> rewards = new LinkedHashMap<>();
        o.path("rewards").fields().forEachRemaining(e -> rewards.put(e.getKey(), number(e.getValue())));
        Map<String, String> reasons = new LinkedHashMap<>();
        o.path("reasons").fields().forEachRemaining(e -> reasons.put(e.getKey(), e.getValue().asText()));
        return new Rollout(o.path("step").asInt(), text(o, "prompt_id"), o.path("sample").asInt(-1), text(o, "prompt"),
                text(o, "completion"), text(o, "think"), text(o, "answer"), text(o, "gold"),
                Collections.unmodifiableMap(rewards), Collections.unmodifiableMap(reasons), number(o.path("reward")),
                number(o.path("advantage")), o.path("length").asInt(-1), text(o, "finish_reason"));
    }

    /** The correctness rule's score, NaN when the run has no such rule. */
    public double correctness() {
        for (String rule : CORRECTNESS_RULES) {
            if (rewards.containsKey(rule)) {
                return rewards.get(rule);
            }
        }
        return Double.NaN;
    }

    public boolean correct() {
        return correctness() == 1.0;
    }

    /** Scored by a correctness rule and not 1 (a rule that did not apply counts as neither). */
    public boolean wrong() {
        double c = correctness();
        return !Double.isNaN(c) && c != 1.0;
    }

    /** The format rule scored it below 1 (false when the run has no format rule). */
    public boolean formatFail() {
        Double f = rewards.get(FORMAT_RULE);
        return f != null && f != 1.0;
    }

    public boolean truncated() {
        return "length".equals(finishReason);
    }

    /** The key of the group this completion belongs to: the same prompt in the same step. */
    public String groupKey() {
        return step + "\u0000" + promptId;
    }

    static double number(JsonNode n) {
        return n.isNumber() ? n.asDouble() : Double.NaN; // null, absent, or a "NaN" string
    }

    private static String text(JsonNode o, String key) {
        JsonNode n = o.get(key);
        return n == null || n.isNull() ? null : n.asText();
    }
}
