package io.grpo4j.report;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.Map;
import java.util.Set;

/**
 * The completions the report's monologue browser shows, as JSON for a {@code <script
 * type="application/json">} element. Each distinct prompt is stored once (a group's samples
 * share it); NaN becomes null, since JSON has no NaN.
 */
final class MonologueData {
    private MonologueData() {}

    /** The JSON text, already escaped for a script element (see {@link Html#scriptJson}). */
    static String json(RolloutSample sample) {
        ObjectNode root = JsonlReader.JSON.createObjectNode();
        Map<String, Integer> promptIndex = new LinkedHashMap<>();
        Set<String> rules = new LinkedHashSet<>();
        String correctnessRule = null;
        ArrayNode rows = root.putArray("rows");
        for (Rollout r : sample.rows()) {
            ObjectNode o = rows.addObject();
            o.put("step", r.step());
            o.put("id", r.promptId());
            o.put("sample", r.sample());
            o.put("p", promptIndex.computeIfAbsent(r.prompt() == null ? "" : r.prompt(), k -> promptIndex.size()));
            o.put("completion", r.completion());
            o.put("think", r.think());
            o.put("answer", r.answer());
            o.put("gold", r.gold());
            ObjectNode rewards = o.putObject("rewards");
            r.rewards().forEach((rule, score) -> number(rewards, rule, score));
            rules.addAll(r.rewards().keySet());
            ObjectNode reasons = o.putObject("reasons");
            r.reasons().forEach(reasons::put);
            number(o, "reward", r.reward());
            number(o, "advantage", r.advantage());
            o.put("length", r.length());
            o.put("finish", r.finishReason());
            for (String rule : Rollout.CORRECTNESS_RULES) {
                if (correctnessRule == null && r.rewards().containsKey(rule)) {
                    correctnessRule = rule;
                }
            }
        }
        ArrayNode prompts = root.putArray("prompts");
        promptIndex.keySet().forEach(prompts::add);
        ArrayNode ruleNames = root.putArray("rules");
        rules.forEach(ruleNames::add);
        root.put("correctnessRule", correctnessRule);
        root.put("formatRule", rules.contains(Rollout.FORMAT_RULE) ? Rollout.FORMAT_RULE : null);
        ArrayNode steps = root.putArray("steps");
        sample.shownSteps().forEach(steps::add);
        try {
            return Html.scriptJson(JsonlReader.JSON.writeValueAsString(root));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot write the monologue data as JSON", e);
        }
    }

    private static void number(ObjectNode o, String key, double v) {
        if (Double.isFinite(v)) {
            o.put(key, v);
        } else {
            o.putNull(key);
        }
    }
}
