package io.grpo4j.reward;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.grpo4j.reward.rules.BuiltinRules;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Model output is hostile input. Thousands of random and adversarial strings go through every
 * built-in rule: no exception escapes, no rule fails with an error (only "timeout" or "too
 * large"), and no evaluation runs past its time bound.
 */
class SafetyFuzzTest {
    /** The per-evaluation bound given to every rule here. */
    private static final long TIMEOUT_MS = 100;

    /** Allowance past the bound for the deadline check granularity and a GC pause on a busy machine. */
    private static final long SLACK_MS = 300;

    private static final String[] FRAGMENTS = {
        "0", "1", "7", "12", "-", "+", "*", "/", "^", "!", ".", ",", " ", "\n", "(", ")", "[", "]", "{", "}", "|",
        "=", "x", "y", "e", "i", "\\frac", "\\dfrac", "\\sqrt", "\\pi", "\\infty", "\\boxed{", "\\fbox", "\\text{", "\\left(",
        "\\right)", "\\{", "\\}", "\\cup", "\\cdot", "\\log_", "\\sin", "\\begin{pmatrix}", "\\end{pmatrix}", "\\\\", "&",
        "$", "\\$", "%", "\\%", "^\\circ", "1,000", "0.5", "10^{", "<think>", "</think>", "<answer>", "</answer>",
        "####", "The answer is", "\u2212", "\u00b0", "\u0000", "\uffff", "\ud83d\ude00", "_", "_{", "\\alpha", "9999999999",
    };

    @TempDir
    Path tmp;

    /** One rule set per built-in (so each evaluation can be timed on its own), all with a 100 ms bound. */
    private Map<String, RuleSet> everyBuiltin() throws IOException {
        Map<String, Map<String, Object>> params = new LinkedHashMap<>();
        params.put("accuracy", Map.of());
        params.put("format", Map.of("require_think_content", true));
        params.put("tag_count", Map.of());
        params.put("format_progress", Map.of());
        params.put("closeness", Map.of());
        params.put("digit_match", Map.of());
        params.put("countdown", Map.of());
        params.put("overlong", Map.of("max_tokens", 100, "buffer", 10));
        params.put("repetition", Map.of("ngram_size", 2));
        params.put("cosine", Map.of("length_unit", "chars"));
        // (a+)+$ backtracks exponentially on "aaaa…!": the classic catastrophic pattern
        params.put("regex", Map.of("pattern", "(a+)+$"));
        params.put("contains", Map.of("text", List.of("wait", "\\boxed")));
        params.put("not_contains", Map.of("text", "<answer>"));
        params.put("length", Map.of("unit", "words", "ranges", List.of(Map.of("max", 50, "score", 1.0))));
        assertEquals(BuiltinRules.types(), params.keySet(), "the fuzz test covers every built-in");
        Map<String, RuleSet> sets = new LinkedHashMap<>();
        ObjectMapper json = new ObjectMapper();
        for (Map.Entry<String, Map<String, Object>> e : params.entrySet()) {
            Map<String, Object> rule = new LinkedHashMap<>(e.getValue());
            rule.put("type", e.getKey());
            rule.put("timeout_ms", TIMEOUT_MS);
            Path f = tmp.resolve(e.getKey() + ".json");
            Files.writeString(f, json.writeValueAsString(Map.of("comment", "fuzz " + e.getKey(), "rules", List.of(rule))));
            sets.put(e.getKey(), RuleSet.load(f.toString(), null));
        }
        return sets;
    }

    private static List<RewardInput> adversarial() {
        String deep = "(".repeat(10_000) + "1" + ")".repeat(10_000);
        String megaNumber = "9".repeat(1 << 20);
        Map<String, Object> countdownRow = Map.of("nums", List.of(1L, 2L), "target", 3L);
        List<RewardInput> out = new ArrayList<>();
        for (String answer : List.of("10^10^10", "9^9^9^9", "2^{2^{2^{2^{2^{2}}}}}", megaNumber, deep, "1000!!!!", "(((((1)))))!!",
                "\\sqrt{".repeat(5000) + "2" + "}".repeat(5000), "\\frac{".repeat(3000), "{".repeat(100_000),
                "-".repeat(50_000) + "1", "x^x^x^x^x^x^x^x", "10^{-999999999}", "1/0", "0^0", "0^{-1}", "\\log_1 1")) {
            out.add(new RewardInput("", "<think>t</think><answer>" + answer + "</answer>", 10, "stop", answer, countdownRow));
            out.add(new RewardInput("", "The answer is \\boxed{" + answer + "}", 10, "stop", "5", countdownRow));
        }
        out.add(new RewardInput("", "a".repeat(40) + "!", 10, "stop", "1", Map.of()));
        out.add(new RewardInput("", "<answer>" + "a".repeat(5000) + "!</answer>", 10, "stop", "1", Map.of()));
        out.add(new RewardInput("", "\\boxed{" + "{".repeat(1 << 20), 10, "stop", "1", Map.of()));
        out.add(new RewardInput("", "<answer>".repeat(100_000), 10, "stop", "1", Map.of()));
        out.add(new RewardInput("", "1 2 ".repeat(200_000), 400_000, "length", "1", Map.of()));
        out.add(new RewardInput("", "x".repeat((1 << 22) + 1), 10, "length", "1", Map.of()));
        out.add(new RewardInput("", "", 0, "stop", "", Map.of("nums", "not a list", "target", List.of())));
        return out;
    }

    private static List<RewardInput> random(int n) {
        SplittableRandom rnd = new SplittableRandom(2024);
        List<RewardInput> out = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            String completion = randomText(rnd, rnd.nextInt(60));
            String gold = randomText(rnd, rnd.nextInt(12));
            if (rnd.nextBoolean()) {
                completion = "<think>" + randomText(rnd, 5) + "</think><answer>" + completion + "</answer>";
            }
            Map<String, Object> row = Map.of("nums", List.of((long) rnd.nextInt(20), (long) rnd.nextInt(20)), "target", (long) rnd.nextInt(40));
            out.add(new RewardInput(randomText(rnd, 3), completion, rnd.nextInt(200) - 1, "stop", gold, row));
        }
        return out;
    }

    private static String randomText(SplittableRandom rnd, int fragments) {
        StringBuilder b = new StringBuilder();
        for (int k = 0; k < fragments; k++) {
            b.append(rnd.nextInt(10) == 0 ? String.valueOf((char) rnd.nextInt(0x3000)) : FRAGMENTS[rnd.nextInt(FRAGMENTS.length)]);
        }
        return b.toString();
    }

    @Test
    void noEscapeNoErrorNoOverrun() throws IOException {
        Map<String, RuleSet> sets = everyBuiltin();
        List<RewardInput> inputs = new ArrayList<>(adversarial());
        inputs.addAll(random(4000));
        Map<String, Long> slowest = new TreeMap<>();
        Map<String, Integer> outcomes = new TreeMap<>();
        List<String> errors = new ArrayList<>();
        try {
            for (Map.Entry<String, RuleSet> e : sets.entrySet()) {
                long worst = 0;
                for (int i = 0; i < inputs.size(); i++) {
                    long start = System.nanoTime();
                    RewardResult r = e.getValue().score(inputs.get(i)); // must not throw
                    worst = Math.max(worst, System.nanoTime() - start);
                    String reason = r.reasons().get(e.getKey());
                    if (reason != null && (reason.startsWith("error") || reason.equals("interrupted"))) {
                        errors.add(e.getKey() + " on input " + i + ": " + reason);
                    }
                    if ("timeout".equals(reason) || "too large".equals(reason)) {
                        outcomes.merge(e.getKey() + " " + reason, 1, Integer::sum);
                    }
                }
                slowest.put(e.getKey(), worst / 1_000_000);
            }
        } finally {
            sets.values().forEach(RuleSet::close);
        }
        System.err.println("fuzz: " + inputs.size() + " inputs per rule; slowest ms " + slowest + "; bounded outcomes " + outcomes);
        assertEquals(List.of(), errors, "built-ins fail only by a bound, never by an exception");
        for (Map.Entry<String, Long> e : slowest.entrySet()) {
            assertTrue(e.getValue() <= TIMEOUT_MS + SLACK_MS, e.getKey() + " took " + e.getValue() + " ms");
        }
        // The adversarial inputs really hit the bounds (so the bounds are exercised, not bypassed).
        assertTrue(outcomes.getOrDefault("regex timeout", 0) >= 1, outcomes.toString());
        assertTrue(outcomes.getOrDefault("accuracy too large", 0) >= 8, outcomes.toString());
        assertTrue(outcomes.getOrDefault("countdown too large", 0) >= 2, outcomes.toString());
    }

    @Test
    void theNamedAttacksEndWithTheNamedReasons() {
        try (RuleSet rules = RuleSet.load("accuracy,countdown", null)) {
            Map<String, Object> row = Map.of("nums", List.of(1L), "target", 1L);
            // 10^(10^10): the exponent alone has 11 digits, the power would have ten billion
            assertEquals("too large", rules.score(new RewardInput("", "<answer>10^10^10</answer>", 1, "stop", "5", row)).reasons().get("accuracy"));
            // a 1 MB number
            assertEquals("too large", rules.score(new RewardInput("", "<answer>" + "7".repeat(1 << 20) + "</answer>", 1, "stop", "5", row))
                    .reasons().get("accuracy"));
            // 10,000 nested parentheses, for the math parser and for Countdown's arithmetic parser
            String deep = "(".repeat(10_000) + "1" + ")".repeat(10_000);
            RewardResult r = rules.score(new RewardInput("", "<answer>" + deep.substring(0, 4000) + "</answer>", 1, "stop", "1", row));
            assertEquals("too large", r.reasons().get("accuracy"));
            assertEquals("too large", r.reasons().get("countdown"));
        }
    }
}
