package io.grpo4j.cli;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.grpo4j.reward.RewardInput;
import io.grpo4j.reward.RewardResult;
import io.grpo4j.reward.RuleSet;
import java.io.BufferedReader;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

@Command(name = "score", mixinStandardHelpOptions = true,
        description = {"Score completions with reward rules: JSONL in, JSONL out.",
            "Each input line needs 'completion' (and usually 'answer'); each output line is the input plus",
            "'rewards' (rule -> score, null = not applicable), 'reward' (weighted total) and 'reasons'.",
            "A summary (mean per rule, not-applicable counts) goes to standard error."})
final class ScoreCommand implements Callable<Integer> {
    @Option(names = "--rules", required = true, paramLabel = "FILE|rule,rule", description = "Rule file, a name in rewards/, or e.g. format,accuracy.")
    String rules;

    @Option(names = "--input", required = true, paramLabel = "F.jsonl") Path input;

    @Option(names = "--output", paramLabel = "G.jsonl", description = "Default: standard output.") Path output;

    @Override
    public Integer call() throws Exception {
        if (!Files.isRegularFile(input)) {
            throw new UserError("input file not found: " + input);
        }
        ObjectMapper om = new ObjectMapper();
        Map<String, double[]> summary = new LinkedHashMap<>(); // rule → {sum, applicable, not applicable}
        int lines = 0;
        try (RuleSet rs = RuleSet.load(rules, Home.dir().resolve("rewards"));
                BufferedReader in = Files.newBufferedReader(input, StandardCharsets.UTF_8);
                PrintStream out = output == null ? System.out : new PrintStream(Files.newOutputStream(output), false, StandardCharsets.UTF_8)) {
            int lineNo = 0;
            for (String line; (line = in.readLine()) != null; ) {
                lineNo++;
                if (line.isBlank()) {
                    continue;
                }
                JsonNode row;
                try {
                    row = om.readTree(line);
                } catch (JsonProcessingException e) {
                    throw new UserError(input + ":" + lineNo + ": not valid JSON: " + e.getOriginalMessage());
                }
                if (!row.isObject() || !row.hasNonNull("completion")) {
                    throw new UserError(input + ":" + lineNo + ": missing field 'completion'");
                }
                @SuppressWarnings("unchecked")
                Map<String, Object> cols = om.convertValue(row, Map.class);
                JsonNode gold = row.get("answer");
                RewardInput ri = new RewardInput(row.path("prompt").asText(""), row.get("completion").asText(),
                        row.path("completion_tokens").asInt(0), row.path("finish_reason").asText("stop"),
                        gold == null || gold.isNull() ? null : gold.asText(), cols);
                RewardResult r = rs.scoreAll(List.of(ri)).get(0);
                ObjectNode o = (ObjectNode) row;
                ObjectNode scores = o.putObject("rewards");
                r.scores().forEach((k, v) -> {
                    double[] s = summary.computeIfAbsent(k, x -> new double[3]);
                    if (v.isNaN()) {
                        scores.putNull(k);
                        s[2]++;
                    } else {
                        scores.put(k, v);
                        s[0] += v;
                        s[1]++;
                    }
                });
                o.put("reward", r.total());
                ObjectNode reasons = o.putObject("reasons");
                r.reasons().forEach(reasons::put);
                out.println(om.writeValueAsString(o));
                lines++;
            }
        }
        System.err.printf("scored %d completions%n", lines);
        summary.forEach((k, s) -> System.err.printf("  %-16s mean %.4f  (%d not applicable)%n", k, s[1] == 0 ? Double.NaN : s[0] / s[1], (int) s[2]));
        return 0;
    }
}
