package io.grpo4j.reward;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Set;

/**
 * Rules with weights. The total of a completion is the weighted sum of the rules whose score is
 * not NaN ("not applicable").
 */
public final class RuleSet implements AutoCloseable {
    private static final ObjectMapper JSON = new ObjectMapper();
    public static final List<String> BUILT_INS = List.of("format", "format_progress", "tag_count", "accuracy", "closeness", "overlong");

    private final List<RewardRule> rules;
    private final List<Double> weights;

    public RuleSet(List<RewardRule> rules, List<Double> weights) {
        if (rules.size() != weights.size()) {
            throw new IllegalArgumentException(rules.size() + " rules but " + weights.size() + " weights");
        }
        Set<String> names = new HashSet<>();
        for (RewardRule r : rules) {
            if (!names.add(r.name())) {
                throw new IllegalArgumentException("two rules are named '" + r.name() + "': give one a \"name\"");
            }
        }
        this.rules = List.copyOf(rules);
        this.weights = List.copyOf(weights);
    }

    /**
     * A rule set from a spec: a rule file path, the name of a file in {@code rewardsDir} (or
     * the built-in rewards/ resources) such as "r1-zero", or a list like "format,accuracy".
     */
    public static RuleSet load(String spec, Path rewardsDir) throws IOException {
        Path file = Path.of(spec);
        if (Files.isRegularFile(file)) {
            return fromJson(read(Files.readAllBytes(file), file.toString()), file.toString());
        }
        if (rewardsDir != null && Files.isRegularFile(rewardsDir.resolve(spec + ".json"))) {
            Path f = rewardsDir.resolve(spec + ".json");
            return fromJson(read(Files.readAllBytes(f), f.toString()), f.toString());
        }
        try (InputStream in = RuleSet.class.getResourceAsStream("/rewards/" + spec + ".json")) {
            if (in != null) {
                return fromJson(read(in.readAllBytes(), "rewards/" + spec + ".json"), "rewards/" + spec + ".json");
            }
        }
        if (spec.endsWith(".json") || spec.contains("/")) {
            throw new IOException("rule file not found: " + spec);
        }
        List<RewardRule> rules = new ArrayList<>();
        List<Double> weights = new ArrayList<>();
        for (String name : spec.split(",")) {
            rules.add(builtIn(name.trim(), JSON.createObjectNode(), spec));
            weights.add(1.0);
        }
        return new RuleSet(rules, weights);
    }

    private static JsonNode read(byte[] bytes, String origin) throws IOException {
        try {
            return JSON.readTree(bytes);
        } catch (JsonProcessingException e) {
            throw new IOException(origin + ": not valid JSON: " + e.getOriginalMessage());
        }
    }

    /** {"comment": "...", "rules": [{"type": "format", "weight": 1, "name": "...", ...params}]} */
    static RuleSet fromJson(JsonNode root, String origin) {
        JsonNode list = root.path("rules");
        if (!list.isArray() || list.isEmpty()) {
            throw new IllegalArgumentException(origin + ": expected a non-empty \"rules\" list");
        }
        List<RewardRule> rules = new ArrayList<>();
        List<Double> weights = new ArrayList<>();
        for (int i = 0; i < list.size(); i++) {
            JsonNode r = list.get(i);
            String where = origin + ": rules[" + i + "]";
            if (!r.hasNonNull("type")) {
                throw new IllegalArgumentException(where + ": missing \"type\" (one of " + BUILT_INS + ")");
            }
            rules.add(builtIn(r.get("type").asText(), r, where));
            weights.add(r.path("weight").asDouble(1.0));
        }
        return new RuleSet(rules, weights);
    }

    private static RewardRule builtIn(String type, JsonNode params, String where) {
        String name = params.path("name").asText(type);
        boolean prefilled = params.path("prefilled_think").asBoolean(false);
        return switch (type) {
            case "format" -> new FormatRule(name, prefilled, params.path("require_think").asBoolean(false));
            case "tag_count" -> new TagCountRule(name, prefilled);
            case "format_progress" -> new FormatProgressRule(name, prefilled);
            case "accuracy" -> new AccuracyRule(name);
            case "closeness" -> new ClosenessRule(name, params.path("scale").asDouble(10));
            case "overlong" -> new OverlongRule(name, params.path("max_tokens").asInt(1024), params.path("buffer").asInt(256));
            default -> throw new IllegalArgumentException(where + ": unknown rule type '" + type + "'; built-in: " + BUILT_INS);
        };
    }

    public List<String> ruleNames() {
        return rules.stream().map(RewardRule::name).toList();
    }

    public List<Double> weights() {
        return weights;
    }

    /** Scores every input with every rule. */
    public List<RewardResult> scoreAll(List<RewardInput> inputs) {
        List<RewardResult> out = new ArrayList<>(inputs.size());
        for (RewardInput in : inputs) {
            LinkedHashMap<String, Double> scores = new LinkedHashMap<>();
            LinkedHashMap<String, String> reasons = new LinkedHashMap<>();
            double total = 0;
            for (int i = 0; i < rules.size(); i++) {
                RuleScore s;
                try {
                    s = rules.get(i).score(in);
                } catch (RuntimeException e) {
                    // A rule bug must not kill a run: the score becomes "not applicable" with the reason.
                    s = RuleScore.notApplicable("error: " + e);
                }
                scores.put(rules.get(i).name(), s.value());
                if (s.reason() != null) {
                    reasons.put(rules.get(i).name(), s.reason());
                }
                if (!Double.isNaN(s.value())) {
                    total += weights.get(i) * s.value();
                }
            }
            out.add(new RewardResult(total, scores, reasons));
        }
        return out;
    }

    @Override
    public void close() {}
}
