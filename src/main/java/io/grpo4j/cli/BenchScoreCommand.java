package io.grpo4j.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import io.grpo4j.reward.RewardInput;
import io.grpo4j.reward.RewardResult;
import io.grpo4j.reward.RuleSet;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code grpo4j bench score}: reward throughput, completions per second through {@link
 * RuleSet#scoreAll} on one thread, for GSM8K-length completions in the R1 format (three in four
 * right). Completions come from GSM8K reference solutions with {@code --data}, else from a
 * seeded generator of GSM8K-like worked solutions.
 */
@Command(name = "score", mixinStandardHelpOptions = true,
        description = "Measure reward-rule throughput (completions/s) on GSM8K-length completions.")
final class BenchScoreCommand implements Callable<Integer> {
    private static final int BATCH = 1024;
    private static final String[] NAMES = {"Janet", "Tom", "Maria", "Ali", "Chen", "Priya"};
    private static final String[] ITEMS = {"eggs", "apples", "pencils", "tickets", "books", "cupcakes"};

    @Option(names = "--rules", paramLabel = "SPEC", defaultValue = "format,accuracy", description = "rules to time (default: ${DEFAULT-VALUE})")
    String rules;

    @Option(names = "--data", paramLabel = "FILE", description = "GSM8K-style JSONL (question/answer with '#### N'); default: generated solutions")
    Path data;

    @Option(names = "--count", paramLabel = "N", defaultValue = "200000", description = "completions to score in the timed run (default: ${DEFAULT-VALUE})")
    int count;

    @Option(names = "--rewards-dir", paramLabel = "DIR", description = "folder of named rule files")
    Path rewardsDir;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() throws IOException {
        if (count < BATCH) {
            throw new UserError("--count must be at least " + BATCH + ", got " + count);
        }
        List<RewardInput> pool = data == null ? generated(4096) : fromDataset(data);
        double meanChars = pool.stream().mapToInt(i -> i.completion().length()).average().orElse(0);
        try (RuleSet set = RuleSet.load(rules, rewardsDir != null ? rewardsDir : RuleSet.defaultRewardsDir())) {
            run(set, pool, Math.min(count, 50_000)); // warm-up: let the JIT compile the rules
            long start = System.nanoTime();
            double checksum = run(set, pool, count);
            double seconds = (System.nanoTime() - start) / 1e9;
            spec.commandLine().getOut().printf(Locale.ROOT,
                    "score %s: %.0f completions/s (%d completions of %.0f chars on average in %.2f s, 1 thread; mean reward %.3f)%n",
                    set.ruleNames(), count / seconds, count, meanChars, seconds, checksum / count);
            spec.commandLine().getOut().flush();
        }
        return 0;
    }

    /** Scores {@code n} completions cycling through the pool in batches; returns the sum of totals. */
    private static double run(RuleSet set, List<RewardInput> pool, int n) {
        double sum = 0;
        List<RewardInput> batch = new ArrayList<>(BATCH);
        for (int i = 0; i < n; i++) {
            batch.add(pool.get(i % pool.size()));
            if (batch.size() == BATCH || i == n - 1) {
                for (RewardResult r : set.scoreAll(batch)) {
                    sum += r.total();
                }
                batch.clear();
            }
        }
        return sum;
    }

    /** R1-format completions built from GSM8K reference solutions; every fourth answer is off by one. */
    private static List<RewardInput> fromDataset(Path file) throws IOException {
        ObjectMapper json = new JsonMapper();
        List<RewardInput> out = new ArrayList<>();
        int lineNumber = 0;
        for (String line : Files.readAllLines(file, StandardCharsets.UTF_8)) {
            lineNumber++;
            if (line.isBlank()) {
                continue;
            }
            JsonNode row = json.readTree(line);
            String solution = row.path("answer").asText("");
            int hashes = solution.lastIndexOf("####");
            if (hashes < 0) {
                throw new UserError(file + " line " + lineNumber + ": \"answer\" has no '#### N' final answer (expected GSM8K rows)");
            }
            String gold = solution.substring(hashes + 4).strip();
            String answer = out.size() % 4 == 3 ? gold + "1" : gold;
            out.add(input(solution.substring(0, hashes).strip(), answer, solution));
        }
        if (out.isEmpty()) {
            throw new UserError(file + " holds no rows");
        }
        return out;
    }

    /** Seeded GSM8K-like worked solutions (4 to 6 calculation steps, ~300 characters). */
    static List<RewardInput> generated(int n) {
        SplittableRandom random = new SplittableRandom(42);
        List<RewardInput> out = new ArrayList<>(n);
        for (int i = 0; i < n; i++) {
            String name = NAMES[random.nextInt(NAMES.length)];
            String item = ITEMS[random.nextInt(ITEMS.length)];
            StringBuilder think = new StringBuilder();
            long total = 2 + random.nextInt(50);
            think.append(name).append(" starts with ").append(total).append(' ').append(item).append(".\n");
            int steps = 4 + random.nextInt(3);
            for (int s = 0; s < steps; s++) {
                long k = 2 + random.nextInt(9);
                long next = random.nextBoolean() ? total + k : total * k;
                char op = next == total + k ? '+' : '*';
                think.append("Then ").append(name).append(op == '+' ? " gets " + k + " more" : " multiplies them by " + k)
                        .append(", so ").append(total).append(' ').append(op).append(' ').append(k).append(" = <<")
                        .append(total).append(op).append(k).append('=').append(next).append(">>").append(next)
                        .append(' ').append(item).append(".\n");
                total = next;
            }
            String gold = String.format(Locale.ROOT, "%,d", total);
            String answer = i % 4 == 3 ? Long.toString(total + 1) : Long.toString(total);
            out.add(input(think.toString(), answer, "#### " + gold));
        }
        return out;
    }

    private static RewardInput input(String think, String answer, String gold) {
        String completion = "<think>\n" + think + "\n</think>\n<answer>" + answer + "</answer>";
        return new RewardInput("", completion, completion.length() / 4, "stop", gold, Map.of());
    }
}
