package io.grpo4j.report;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/**
 * The small files of a run directory, read back: config.json, metrics.jsonl and eval.jsonl.
 * (rollouts.jsonl can be large and is read by {@link RolloutSample}.) Only metrics.jsonl is
 * required; whatever else is missing or unreadable becomes a warning, and the report shows
 * what it can.
 *
 * @param config the resolved config, or null when config.json is missing or unreadable
 * @param warnings skipped lines and missing optional files, for the console and the page
 */
public record RunData(Path dir, String name, JsonNode config, List<JsonNode> metrics, List<JsonNode> evals,
        List<String> warnings) {

    public static final String METRICS = "metrics.jsonl";
    public static final String EVAL = "eval.jsonl";
    public static final String ROLLOUTS = "rollouts.jsonl";
    public static final String CONFIG = "config.json";

    /** Reads a run directory; throws {@link RunInputException} when it has no step to show. */
    public static RunData load(Path dir) throws IOException {
        checkRunDir(dir);
        Path metricsFile = dir.resolve(METRICS);
        if (!Files.isRegularFile(metricsFile)) {
            throw new RunInputException("no " + METRICS + " in " + dir
                    + ": pass a run directory written by 'grpo4j train' (runs/NAME); a new run writes it after its first step");
        }
        List<String> warnings = new ArrayList<>();
        List<JsonNode> metrics = JsonlReader.readAll(metricsFile, warnings);
        if (metrics.isEmpty()) {
            throw new RunInputException(metricsFile + (warnings.isEmpty() ? " is empty" : " has no readable line")
                    + ": the run has not logged a step yet; run 'grpo4j report' again after its first step");
        }
        List<JsonNode> evals = List.of();
        Path evalFile = dir.resolve(EVAL);
        if (Files.isRegularFile(evalFile)) {
            evals = JsonlReader.readAll(evalFile, warnings);
        } else {
            warnings.add("no " + EVAL + " in " + dir + ": no held-out evaluation yet (set run.eval_every and data.eval)");
        }
        JsonNode config = readConfig(dir.resolve(CONFIG), warnings);
        String name = config != null && config.path("run").path("name").isTextual()
                ? config.path("run").path("name").asText()
                : dir.toAbsolutePath().normalize().getFileName().toString();
        return new RunData(dir, name, config, Collections.unmodifiableList(metrics), Collections.unmodifiableList(evals),
                warnings);
    }

    /** Throws {@link RunInputException} unless {@code dir} is an existing directory. */
    public static void checkRunDir(Path dir) {
        if (!Files.exists(dir)) {
            throw new RunInputException("run directory " + dir + " does not exist: pass a run directory (runs/NAME)");
        }
        if (!Files.isDirectory(dir)) {
            throw new RunInputException(dir + " is not a directory: pass a run directory (runs/NAME), not a file in it");
        }
    }

    private static JsonNode readConfig(Path file, List<String> warnings) throws IOException {
        if (!Files.isRegularFile(file)) {
            warnings.add("no " + CONFIG + " in " + file.getParent() + ": the settings of the run are not shown");
            return null;
        }
        try {
            JsonNode config = JsonlReader.JSON.readTree(file.toFile());
            if (config != null && config.isObject()) {
                return config;
            }
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            // reported below
        }
        warnings.add(file + " is not a JSON object: the settings of the run are not shown");
        return null;
    }

    /** One metric over steps as {x = step, y = value}; missing or null values are NaN. */
    public Series metric(String key, String label) {
        return series(metrics, key, label);
    }

    /** True when at least one metrics row has the key. */
    public boolean hasMetric(String key) {
        return metrics.stream().anyMatch(m -> m.has(key));
    }

    static Series series(List<JsonNode> rows, String key, String label) {
        double[] x = new double[rows.size()];
        double[] y = new double[rows.size()];
        for (int i = 0; i < rows.size(); i++) {
            JsonNode step = rows.get(i).get("step");
            x[i] = step != null && step.isNumber() ? step.asDouble() : Double.NaN;
            y[i] = Rollout.number(rows.get(i).path(key));
        }
        return new Series(label, x, y);
    }

    /** The first and last step logged in metrics.jsonl. */
    public int[] stepRange() {
        int lo = Integer.MAX_VALUE;
        int hi = Integer.MIN_VALUE;
        for (JsonNode m : metrics) {
            lo = Math.min(lo, m.path("step").asInt());
            hi = Math.max(hi, m.path("step").asInt());
        }
        return new int[] {lo, hi};
    }
}
