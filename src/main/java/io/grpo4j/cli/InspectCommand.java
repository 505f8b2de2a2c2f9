package io.grpo4j.cli;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.grpo4j.report.JsonlReader;
import io.grpo4j.report.MonologueFilter;
import io.grpo4j.report.MonologueView;
import io.grpo4j.report.Rollout;
import io.grpo4j.report.RolloutGroup;
import io.grpo4j.report.RunData;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.function.ToDoubleFunction;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

@Command(name = "inspect", mixinStandardHelpOptions = true,
        description = "Browse the sampled monologues of a run (rollouts.jsonl) in the terminal.")
final class InspectCommand implements Callable<Integer> {
    @Parameters(paramLabel = "RUN",
            description = "Run directory (runs/NAME), or a JSON-lines file in its rollouts.jsonl layout (eval --completions).") Path run;

    @Option(names = "--step", defaultValue = "last", description = "A step number or 'last' (default: ${DEFAULT-VALUE}).") String step;

    @Option(names = "--filter", description = "correct | wrong | format-fail | truncated | zero-variance") String filter;

    @Option(names = "--grep", paramLabel = "TEXT", description = "Only completions containing TEXT.") String grep;

    @Option(names = "--sort", description = "reward | length | advantage (highest first)") String sort;

    @Option(names = "--limit", defaultValue = "10", description = "Completions shown, or prompts with --group (default: ${DEFAULT-VALUE}).") int limit;

    @Option(names = "--group", description = "Each prompt with its completions side by side: rewards per rule, advantage, answer, think.") boolean group;

    @Option(names = "--summary", description = "How reward, accuracy, format and length moved over the run (from metrics.jsonl).") boolean summary;

    @Override
    public Integer call() throws Exception {
        if (summary) {
            return summary(new ObjectMapper());
        }
        MonologueFilter named = filter == null ? null : MonologueFilter.parse(filter); // fail before reading
        Comparator<Rollout> order = sort == null ? null : order(sort);
        Path file = Files.isRegularFile(run) ? run : run.resolve(RunData.ROLLOUTS);
        if (!Files.isRegularFile(file)) {
            throw new UserError("no rollouts.jsonl in " + run + ": pass a run directory (runs/NAME) or a completions file");
        }
        List<Rollout> rows = new ArrayList<>();
        JsonlReader.Pass pass = JsonlReader.forEach(file, o -> rows.add(Rollout.of(o)));
        if (pass.warning() != null) {
            System.err.println("(" + pass.warning() + ")");
        }
        if (rows.isEmpty()) {
            System.err.println("no rollouts logged yet in " + file);
            return 0;
        }
        int target = step.equals("last") ? rows.get(rows.size() - 1).step() : parseStep(step);
        List<Rollout> sel = rows.stream().filter(r -> r.step() == target)
                .filter(r -> grep == null || (r.completion() != null && r.completion().contains(grep))).toList();
        if (named != null) {
            sel = named.apply(sel);
        }
        MonologueView view = new MonologueView(System.out, MonologueView.colorWanted(), MonologueView.terminalWidth());
        if (group) {
            List<RolloutGroup> groups = RolloutGroup.of(sel);
            if (order != null) {
                groups = groups.stream().map(g -> new RolloutGroup(g.step(), g.promptId(), g.samples().stream().sorted(order).toList()))
                        .sorted(Comparator.comparing(g -> g.samples().get(0), order)).toList();
            }
            System.out.printf("step %d: %d prompts shown of %d matching (%d completions)%n", target, Math.min(limit, groups.size()),
                    groups.size(), sel.size());
            view.groups(groups.subList(0, Math.min(limit, groups.size())));
            return 0;
        }
        if (order != null) {
            sel = sel.stream().sorted(order).toList();
        }
        System.out.printf("step %d: %d completions shown of %d matching%n", target, Math.min(limit, sel.size()), sel.size());
        view.list(sel.subList(0, Math.min(limit, sel.size())));
        return 0;
    }

    /** Highest first; NaN last. */
    private static Comparator<Rollout> order(String sort) {
        ToDoubleFunction<Rollout> key = switch (sort) {
            case "reward" -> Rollout::reward;
            case "length" -> Rollout::length;
            case "advantage" -> Rollout::advantage;
            default -> throw new UserError("--sort must be reward, length or advantage");
        };
        return Comparator.comparingDouble((Rollout r) -> Double.isNaN(key.applyAsDouble(r)) ? Double.NEGATIVE_INFINITY : key.applyAsDouble(r))
                .reversed();
    }

    private static int parseStep(String step) {
        try {
            return Integer.parseInt(step);
        } catch (NumberFormatException e) {
            throw new UserError("--step must be a step number or 'last', got '" + step + "'");
        }
    }

    private int summary(ObjectMapper om) throws Exception {
        Path file = run.resolve("metrics.jsonl");
        if (!Files.isRegularFile(file)) {
            throw new UserError("no metrics.jsonl in " + run);
        }
        // mean think length (characters) per step, from the logged completions
        java.util.Map<Integer, double[]> think = new java.util.HashMap<>();
        Path rollouts = run.resolve(RunData.ROLLOUTS);
        if (Files.isRegularFile(rollouts)) {
            JsonlReader.forEach(rollouts, o -> {
                Rollout r = Rollout.of(o);
                double[] acc = think.computeIfAbsent(r.step(), k -> new double[2]);
                acc[0] += r.think() == null ? 0 : r.think().length();
                acc[1]++;
            });
        }
        System.out.println("step  reward  accuracy  format  mean_len  think_chars  frac_zero_std");
        List<String> lines = Files.readAllLines(file);
        int every = Math.max(1, lines.size() / 20);
        for (int i = 0; i < lines.size(); i++) {
            if (i % every != 0 && i != lines.size() - 1) {
                continue;
            }
            try {
                JsonNode m = om.readTree(lines.get(i));
                double[] t = think.get(m.path("step").asInt());
                System.out.printf("%4d  %6.3f  %8.3f  %6.3f  %8.1f  %11s  %13.2f%n", m.path("step").asInt(), m.path("reward").asDouble(),
                        m.path("rewards/accuracy/mean").asDouble(Double.NaN), m.path("rewards/format/mean").asDouble(Double.NaN),
                        m.path("completions/mean_length").asDouble(), t == null ? "-" : String.format("%.1f", t[0] / t[1]),
                        m.path("frac_reward_zero_std").asDouble());
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
