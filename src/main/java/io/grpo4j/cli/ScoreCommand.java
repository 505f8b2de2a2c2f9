package io.grpo4j.cli;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.grpo4j.reward.RewardInput;
import io.grpo4j.reward.RewardResult;
import io.grpo4j.reward.RuleSet;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code grpo4j score}: reads completions as JSONL, scores them with a rule set, writes each line
 * back with {@code rewards} (rule → score, null for NaN), {@code reward} (weighted total) and
 * {@code reasons}; a summary goes to stderr. Bad lines are reported with their line number and
 * skipped; the exit code is then 1.
 */
@Command(name = "score", mixinStandardHelpOptions = true,
        description = "Score completions with reward rules: JSONL in, JSONL out.",
        footer = {"", "Each input line holds at least \"completion\", usually \"answer\" (gold), and optionally \"prompt\",",
            "\"completion_tokens\", \"finish_reason\" and any other columns (seen by rules as the row).",
            "Example: grpo4j score --rules r1-zero --input rollouts.jsonl --output scored.jsonl"})
final class ScoreCommand implements Callable<Integer> {
    private static final ObjectMapper JSON = JsonMapper.builder().enable(DeserializationFeature.USE_LONG_FOR_INTS).build();

    @Option(names = "--rules", required = true, paramLabel = "SPEC",
            description = "a rule file (JSON/YAML), a name in the rewards folder (r1-zero, gsm8k, math, countdown, dapo), or rules like format,accuracy")
    String rules;

    @Option(names = "--input", required = true, paramLabel = "FILE", description = "completions, one JSON object per line")
    Path input;

    @Option(names = "--output", paramLabel = "FILE", description = "where to write the scored lines (default: standard output)")
    Path output;

    @Option(names = "--rewards-dir", paramLabel = "DIR", description = "folder of named rule files (default: ./rewards, else the project's)")
    Path rewardsDir;

    @Option(names = "--plugins", paramLabel = "DIR", description = "folder of jars with Java reward rules")
    Path plugins;

    @Option(names = "--batch-size", paramLabel = "N", defaultValue = "1024", description = "completions scored per batch (default: ${DEFAULT-VALUE})")
    int batchSize;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() throws IOException {
        if (batchSize < 1) {
            throw new UserError("--batch-size must be at least 1, got " + batchSize);
        }
        PrintWriter err = spec.commandLine().getErr();
        Path dir = rewardsDir != null ? rewardsDir : RuleSet.defaultRewardsDir();
        Summary summary;
        try (RuleSet set = RuleSet.load(rules, dir, plugins);
                BufferedReader in = open(input)) {
            summary = new Summary(set.ruleNames(), set.weights());
            long start = System.nanoTime();
            if (output == null) {
                PrintWriter out = spec.commandLine().getOut();
                scoreLines(set, in, out, err, summary);
                out.flush();
            } else {
                try (Writer out = Files.newBufferedWriter(output, StandardCharsets.UTF_8)) {
                    scoreLines(set, in, out, err, summary);
                }
            }
            summary.seconds = (System.nanoTime() - start) / 1e9;
            summary.failures = set.failureCounts();
            summary.print(err, set.source());
        }
        return summary.badLines > 0 ? 1 : 0;
    }

    private static BufferedReader open(Path input) throws IOException {
        try {
            return Files.newBufferedReader(input, StandardCharsets.UTF_8);
        } catch (NoSuchFileException e) {
            throw new UserError("input file " + input + " not found");
        }
    }

    private void scoreLines(RuleSet set, BufferedReader in, Writer out, PrintWriter err, Summary summary) throws IOException {
        List<ObjectNode> lines = new ArrayList<>(batchSize);
        List<RewardInput> inputs = new ArrayList<>(batchSize);
        String line;
        long number = 0;
        while ((line = in.readLine()) != null) {
            number++;
            if (line.isBlank()) {
                continue;
            }
            try {
                ObjectNode node = parse(line);
                inputs.add(toInput(node));
                lines.add(node);
            } catch (IllegalArgumentException e) {
                err.println(input + " line " + number + ": " + e.getMessage() + "; line skipped");
                summary.badLines++;
            }
            if (inputs.size() == batchSize) {
                writeBatch(set, lines, inputs, out, summary);
            }
        }
        writeBatch(set, lines, inputs, out, summary);
    }

    private static void writeBatch(RuleSet set, List<ObjectNode> lines, List<RewardInput> inputs, Writer out, Summary summary)
            throws IOException {
        if (inputs.isEmpty()) {
            return;
        }
        List<RewardResult> results = set.scoreAll(inputs);
        for (int i = 0; i < results.size(); i++) {
            RewardResult r = results.get(i);
            ObjectNode node = lines.get(i);
            ObjectNode rewards = node.putObject("rewards");
            ObjectNode reasons = JSON.createObjectNode();
            r.scores().forEach((rule, v) -> {
                if (Double.isNaN(v)) {
                    rewards.putNull(rule);
                } else {
                    rewards.put(rule, v);
                }
                String why = r.reasons().get(rule);
                if (why != null) {
                    reasons.put(rule, why);
                }
            });
            node.put("reward", r.total());
            node.set("reasons", reasons);
            out.write(JSON.writeValueAsString(node));
            out.write('\n');
            summary.add(r);
        }
        lines.clear();
        inputs.clear();
    }

    private static ObjectNode parse(String line) {
        JsonNode node;
        try {
            node = JSON.readTree(line);
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException("not valid JSON (" + e.getOriginalMessage() + ")");
        }
        if (!(node instanceof ObjectNode object)) {
            throw new IllegalArgumentException("expected a JSON object, got " + node.getNodeType().toString().toLowerCase(Locale.ROOT));
        }
        return object;
    }

    @SuppressWarnings("unchecked")
    private static RewardInput toInput(ObjectNode node) {
        JsonNode completion = node.get("completion");
        if (completion == null || !completion.isTextual()) {
            throw new IllegalArgumentException("no \"completion\" string");
        }
        JsonNode tokens = node.get("completion_tokens");
        if (tokens != null && !tokens.isNull() && !tokens.canConvertToInt()) {
            throw new IllegalArgumentException("\"completion_tokens\" must be a whole number, got " + tokens);
        }
        Map<String, Object> row = JSON.convertValue(node, Map.class);
        return new RewardInput(
                text(node.get("prompt")),
                completion.asText(),
                tokens == null || tokens.isNull() ? -1 : tokens.asInt(),
                text(node.get("finish_reason")),
                text(node.get("answer")),
                row);
    }

    /** A scalar field as text (a numeric gold answer 27.0 becomes "27.0"); null when absent or null. */
    private static String text(JsonNode n) {
        return n == null || n.isNull() ? null : n.isValueNode() ? n.asText() : n.toString();
    }

    /** Per-rule means and NaN counts for stderr. */
    private static final class Summary {
        final List<String> names;
        final List<Double> weights;
        final double[] sums;
        final long[] counted;
        final long[] nans;
        double totalSum;
        long scored;
        long badLines;
        double seconds;
        Map<String, Long> failures = Map.of();

        Summary(List<String> names, List<Double> weights) {
            this.names = names;
            this.weights = weights;
            this.sums = new double[names.size()];
            this.counted = new long[names.size()];
            this.nans = new long[names.size()];
        }

        void add(RewardResult r) {
            scored++;
            totalSum += r.total();
            for (int k = 0; k < names.size(); k++) {
                double v = r.scores().get(names.get(k));
                if (Double.isNaN(v)) {
                    nans[k]++;
                } else {
                    sums[k] += v;
                    counted[k]++;
                }
            }
        }

        void print(PrintWriter err, String source) {
            err.printf(Locale.ROOT, "scored %d completions with %s in %.2f s (%.0f/s); %d bad lines%n",
                    scored, source, seconds, seconds > 0 ? scored / seconds : 0.0, badLines);
            int width = Math.max(6, names.stream().mapToInt(String::length).max().orElse(6));
            err.printf(Locale.ROOT, "%-" + width + "s  %7s  %8s  %6s  %8s%n", "rule", "weight", "mean", "NaN", "failures");
            for (int k = 0; k < names.size(); k++) {
                String mean = counted[k] == 0 ? "-" : String.format(Locale.ROOT, "%.4f", sums[k] / counted[k]);
                err.printf(Locale.ROOT, "%-" + width + "s  %7.3f  %8s  %6d  %8d%n", names.get(k), weights.get(k), mean, nans[k],
                        failures.getOrDefault(names.get(k), 0L));
            }
            err.printf(Locale.ROOT, "%-" + width + "s  %7s  %8s%n", "reward", "", scored == 0 ? "-" : String.format(Locale.ROOT, "%.4f", totalSum / scored));
            err.flush();
        }
    }
}
