package io.grpo4j.cli;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

@Command(name = "inspect", mixinStandardHelpOptions = true,
        description = "Browse the sampled monologues of a run (rollouts.jsonl) in the terminal.")
final class InspectCommand implements Callable<Integer> {
    @Parameters(paramLabel = "RUN", description = "Run directory (runs/NAME).") Path run;

    @Option(names = "--step", defaultValue = "last", description = "A step number or 'last' (default: ${DEFAULT-VALUE}).") String step;

    @Option(names = "--filter", description = "correct | wrong | format-fail | truncated") String filter;

    @Option(names = "--grep", paramLabel = "TEXT") String grep;

    @Option(names = "--sort", description = "reward | length | advantage") String sort;

    @Option(names = "--limit", defaultValue = "10") int limit;

    @Option(names = "--summary", description = "How reward, accuracy, format and length moved over the run (from metrics.jsonl).") boolean summary;

    @Override
    public Integer call() throws Exception {
        ObjectMapper om = new ObjectMapper();
        if (summary) {
            return summary(om);
        }
        Path file = run.resolve("rollouts.jsonl");
        if (!Files.isRegularFile(file)) {
            throw new UserError("no rollouts.jsonl in " + run + ": pass a run directory (runs/NAME)");
        }
        List<JsonNode> rows = new ArrayList<>();
        int bad = 0;
        for (String line : Files.readAllLines(file, StandardCharsets.UTF_8)) {
            try {
                rows.add(om.readTree(line));
            } catch (JsonProcessingException e) {
                bad++; // a half-written last line of a running or crashed run
            }
        }
        if (bad > 0) {
            System.err.printf("(%d unreadable line%s skipped in %s)%n", bad, bad == 1 ? "" : "s", file);
        }
        if (rows.isEmpty()) {
            System.err.println("no rollouts logged yet in " + file);
            return 0;
        }
        int target = step.equals("last") ? rows.get(rows.size() - 1).path("step").asInt() : Integer.parseInt(step);
        List<JsonNode> sel = new ArrayList<>();
        for (JsonNode r : rows) {
            if (r.path("step").asInt() == target && keep(r)) {
                sel.add(r);
            }
        }
        if (sort != null) {
            String key = switch (sort) {
                case "reward", "length", "advantage" -> sort;
                default -> throw new UserError("--sort must be reward, length or advantage");
            };
            sel.sort(Comparator.comparingDouble((JsonNode r) -> r.path(key).asDouble()).reversed());
        }
        boolean color = System.console() != null && System.getenv("NO_COLOR") == null;
        System.out.printf("step %d: %d completions shown of %d matching%n", target, Math.min(limit, sel.size()), sel.size());
        for (JsonNode r : sel.subList(0, Math.min(limit, sel.size()))) {
            System.out.println(c(color, "1", "── " + r.path("prompt_id").asText() + " #" + r.path("sample").asText()
                    + "  gold " + r.path("gold").asText() + "  reward " + r.path("reward").asText()
                    + "  advantage " + String.format("%+.3f", r.path("advantage").asDouble())
                    + "  length " + r.path("length").asText() + "  " + r.path("finish_reason").asText()));
            System.out.println("  rewards: " + r.path("rewards"));
            System.out.println(c(color, "2", "  think:  ") + r.path("think").asText("(none)"));
            System.out.println(c(color, "32", "  answer: ") + r.path("answer").asText("(none)"));
            System.out.println(c(color, "2", "  raw:    ") + r.path("completion").asText().replace("\n", "\\n"));
        }
        return 0;
    }

    private boolean keep(JsonNode r) {
        if (grep != null && !r.path("completion").asText().contains(grep)) {
            return false;
        }
        if (filter == null) {
            return true;
        }
        JsonNode acc = r.path("rewards").path("accuracy");
        return switch (filter) {
            case "correct" -> acc.asDouble() == 1;
            case "wrong" -> acc.isNumber() && acc.asDouble() != 1;
            case "format-fail" -> r.path("rewards").path("format").asDouble() != 1;
            case "truncated" -> r.path("finish_reason").asText().equals("length");
            default -> throw new UserError("--filter must be correct, wrong, format-fail or truncated");
        };
    }

    private static String c(boolean color, String code, String s) {
        return color ? "\u001b[" + code + "m" + s + "\u001b[0m" : s;
    }

    private int summary(ObjectMapper om) throws Exception {
        Path file = run.resolve("metrics.jsonl");
        if (!Files.isRegularFile(file)) {
            throw new UserError("no metrics.jsonl in " + run);
        }
        System.out.println("step  reward  accuracy  format  mean_len  frac_zero_std");
        List<String> lines = Files.readAllLines(file);
        int every = Math.max(1, lines.size() / 20);
        for (int i = 0; i < lines.size(); i++) {
            if (i % every != 0 && i != lines.size() - 1) {
                continue;
            }
            try {
                JsonNode m = om.readTree(lines.get(i));
                System.out.printf("%4d  %6.3f  %8.3f  %6.3f  %8.1f  %13.2f%n", m.path("step").asInt(), m.path("reward").asDouble(),
                        m.path("rewards/accuracy/mean").asDouble(Double.NaN), m.path("rewards/format/mean").asDouble(Double.NaN),
                        m.path("completions/mean_length").asDouble(), m.path("frac_reward_zero_std").asDouble());
            } catch (JsonProcessingException e) {
                System.err.println("(unreadable line " + (i + 1) + " skipped)");
            }
        }
        Path eval = run.resolve("eval.jsonl");
        if (Files.isRegularFile(eval)) {
            System.out.println("\nheld-out evaluations:");
            for (String l : Files.readAllLines(eval)) {
                System.out.println("  " + l);
            }
        }
        return 0;
    }
}
