package io.grpo4j.reward;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * A rule file (JSON, or YAML for .yaml/.yml): what it rewards, its rules and its golden cases.
 *
 * <pre>{@code
 * {
 *   "comment": "what this rule set rewards",
 *   "rules": [
 *     {"type": "format", "weight": 1.0, "prefilled_think": "auto"},
 *     {"type": "accuracy", "name": "accuracy", "weight": 1.0, "extract": ["answer_tag"]}
 *   ],
 *   "cases": [
 *     {"completion": "<think>7+5=12</think><answer>12</answer>", "answer": "12",
 *      "expect": {"format": 1.0, "accuracy": 1.0}, "total": 2.0}
 *   ]
 * }
 * }</pre>
 *
 * @param path the file
 * @param comment its "comment" field (required: a rule file says what it rewards)
 * @param rules the rule entries in order
 * @param cases the golden cases
 */
public record RuleFile(Path path, String comment, List<RuleSpec> rules, List<GoldenCase> cases) {
    private static final Set<String> TOP_LEVEL_KEYS = Set.of("comment", "rules", "cases");
    private static final Set<String> CASE_KEYS = Set.of(
            "comment", "prompt", "completion", "completion_tokens", "finish_reason", "answer", "row", "expect", "total");

    /** Reads and validates a rule file; errors name the file and the entry. */
    public static RuleFile read(Path path) {
        Map<String, Object> root = readTree(path);
        String where = path.toString();
        for (String key : root.keySet()) {
            if (!TOP_LEVEL_KEYS.contains(key)) {
                throw new IllegalArgumentException(where + ": unknown key '" + key + "'; a rule file has "
                        + "\"comment\", \"rules\" and optionally \"cases\"");
            }
        }
        Object comment = root.get("comment");
        if (!(comment instanceof String c) || c.isBlank()) {
            throw new IllegalArgumentException(where + ": \"comment\" is required: say in a sentence what this rule set rewards");
        }
        Object rules = root.get("rules");
        if (!(rules instanceof List<?> list) || list.isEmpty()) {
            throw new IllegalArgumentException(where + ": \"rules\" must be a non-empty list of rule entries");
        }
        Path baseDir = path.toAbsolutePath().getParent();
        List<RuleSpec> specs = new ArrayList<>();
        for (int i = 0; i < list.size(); i++) {
            specs.add(spec(list.get(i), where + " rules[" + i + "]", baseDir));
        }
        List<GoldenCase> cases = new ArrayList<>();
        Object rawCases = root.get("cases");
        if (rawCases != null) {
            if (!(rawCases instanceof List<?> caseList)) {
                throw new IllegalArgumentException(where + ": \"cases\" must be a list");
            }
            for (int i = 0; i < caseList.size(); i++) {
                cases.add(goldenCase(caseList.get(i), where + " cases[" + i + "]"));
            }
        }
        return new RuleFile(path, c, List.copyOf(specs), List.copyOf(cases));
    }

    /** One rule entry: the common keys, and the rest as the rule's parameters. */
    static RuleSpec spec(Object entry, String where, Path baseDir) {
        if (!(entry instanceof Map<?, ?> raw)) {
            throw new IllegalArgumentException(where + ": a rule entry must be an object like {\"type\": \"accuracy\"}");
        }
        Map<String, Object> m = new LinkedHashMap<>();
        raw.forEach((k, v) -> m.put(String.valueOf(k), v));
        Object type = m.remove("type");
        if (!(type instanceof String t) || t.isBlank()) {
            throw new IllegalArgumentException(where + ": \"type\" is required (e.g. \"accuracy\", \"format\", \"regex\", \"java\", \"command\")");
        }
        Object name = m.remove("name");
        if (name != null && !(name instanceof String)) {
            throw new IllegalArgumentException(where + ": \"name\" must be a string");
        }
        Object weight = m.remove("weight");
        if (weight != null && !(weight instanceof Number)) {
            throw new IllegalArgumentException(where + ": \"weight\" must be a number, got " + weight);
        }
        Object timeout = m.remove("timeout_ms");
        if (timeout != null && (!(timeout instanceof Number n) || n.doubleValue() <= 0)) {
            throw new IllegalArgumentException(where + ": \"timeout_ms\" must be a positive number of milliseconds, got " + timeout);
        }
        m.remove("comment");
        double w = weight == null ? 1.0 : ((Number) weight).doubleValue();
        if (!Double.isFinite(w)) {
            throw new IllegalArgumentException(where + ": \"weight\" must be finite");
        }
        String label = where + " (" + (name != null ? name : t) + ")";
        return new RuleSpec(t, (String) name, w, timeout == null ? null : ((Number) timeout).longValue(),
                new RuleParams(label, m, baseDir));
    }

    @SuppressWarnings("unchecked")
    private static GoldenCase goldenCase(Object entry, String where) {
        if (!(entry instanceof Map<?, ?> m)) {
            throw new IllegalArgumentException(where + ": a case must be an object with \"completion\" and \"expect\"");
        }
        for (Object key : m.keySet()) {
            if (!CASE_KEYS.contains(String.valueOf(key))) {
                throw new IllegalArgumentException(where + ": unknown key '" + key + "'; a case has " + CASE_KEYS);
            }
        }
        if (!(m.get("completion") instanceof String completion)) {
            throw new IllegalArgumentException(where + ": \"completion\" (a string) is required");
        }
        if (!(m.get("expect") instanceof Map<?, ?> expect)) {
            throw new IllegalArgumentException(where + ": \"expect\" (rule name → score) is required");
        }
        Map<String, Double> expected = new LinkedHashMap<>();
        expect.forEach((k, v) -> expected.put(String.valueOf(k), v == null ? Double.NaN : ((Number) v).doubleValue()));
        Object tokens = m.get("completion_tokens");
        Object row = m.get("row");
        RewardInput input = new RewardInput(
                (String) m.get("prompt"),
                completion,
                tokens == null ? -1 : ((Number) tokens).intValue(),
                m.get("finish_reason") == null ? "stop" : String.valueOf(m.get("finish_reason")),
                m.get("answer") == null ? null : String.valueOf(m.get("answer")),
                row == null ? Map.of() : (Map<String, Object>) row);
        Object total = m.get("total");
        return new GoldenCase((String) m.get("comment"), input, expected, total == null ? null : ((Number) total).doubleValue());
    }

    /** JSON (or YAML) into plain Java values; whole numbers become Long. */
    static Map<String, Object> readTree(Path path) {
        if (!Files.isRegularFile(path)) {
            throw new IllegalArgumentException("rule file " + path + " not found");
        }
        String name = path.getFileName().toString();
        ObjectMapper mapper = name.endsWith(".yaml") || name.endsWith(".yml") ? new YAMLMapper() : new JsonMapper();
        mapper.enable(DeserializationFeature.USE_LONG_FOR_INTS);
        try {
            Object tree = mapper.readValue(path.toFile(), Object.class);
            if (!(tree instanceof Map<?, ?> m)) {
                throw new IllegalArgumentException(path + ": a rule file is an object with \"comment\" and \"rules\"");
            }
            Map<String, Object> out = new LinkedHashMap<>();
            m.forEach((k, v) -> out.put(String.valueOf(k), v));
            return out;
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException(path + ": not valid " + (mapper instanceof YAMLMapper ? "YAML" : "JSON")
                    + " (line " + (e.getLocation() == null ? "?" : e.getLocation().getLineNr()) + "): " + e.getOriginalMessage());
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read rule file " + path + ": " + e.getMessage(), e);
        }
    }
}
