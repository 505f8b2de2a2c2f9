package io.grpo4j.reward;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** External-command rules, with a real child process ({@link ExampleScorer} on its own JVM). */
class CommandRuleTest {
    private static final ObjectMapper JSON = new ObjectMapper();

    @TempDir
    Path tmp;

    /** The command line that runs ExampleScorer: this JVM's java, the test classes and Jackson. */
    private static List<String> scorerCommand() throws URISyntaxException {
        String javaBin = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        String cp = String.join(java.io.File.pathSeparator, location(ExampleScorer.class), location(ObjectMapper.class),
                location(JsonFactory.class), location(JsonProperty.class));
        return List.of(javaBin, "-Xshare:auto", "-XX:TieredStopAtLevel=1", "-cp", cp, ExampleScorer.class.getName());
    }

    private static String location(Class<?> c) throws URISyntaxException {
        return Path.of(c.getProtectionDomain().getCodeSource().getLocation().toURI()).toString();
    }

    private RuleSet load(List<String> command, Map<String, Object> extra) throws IOException {
        Map<String, Object> rule = new java.util.LinkedHashMap<>();
        rule.put("type", "command");
        rule.put("name", "judge");
        rule.put("command", command);
        rule.putAll(extra);
        Path f = tmp.resolve("rules.json");
        Files.writeString(f, JSON.writeValueAsString(Map.of("comment", "command test", "rules", List.of(rule))));
        return RuleSet.load(f.toString(), null);
    }

    private static List<RewardInput> inputs(String... completions) {
        List<RewardInput> out = new ArrayList<>();
        for (String c : completions) {
            out.add(new RewardInput("", c, 3, "stop", "1", Map.of("target", 42L)));
        }
        return out;
    }

    private static List<Double> scores(List<RewardResult> results) {
        return results.stream().map(r -> r.scores().get("judge")).toList();
    }

    @Test
    void repliesInBatchesWithReasonsAndNotApplicable() throws Exception {
        try (RuleSet rules = load(scorerCommand(), Map.of("batch_size", 2, "timeout_ms", 20_000))) {
            // five requests in batches of 2, 2, 1 over one long-lived process
            List<RewardResult> r = rules.scoreAll(inputs("good", "bad", "half", "skip", "row"));
            assertEquals(List.of(1.0, 0.0, 0.5, Double.NaN, 42.0), scores(r));
            assertEquals("half right", r.get(2).reasons().get("judge"));
            assertEquals(Map.of("judge", 0L), rules.failureCounts());
            // the process stays up for the next call
            assertEquals(List.of(1.0), scores(rules.scoreAll(inputs("good"))));
        }
    }

    @Test
    void deathAndBadRepliesBecomeCountedNaNsAndTheCommandRestarts() throws Exception {
        try (RuleSet rules = load(scorerCommand(), Map.of("batch_size", 8, "timeout_ms", 20_000))) {
            List<RewardResult> r = rules.scoreAll(inputs("good", "garbage", "die", "good"));
            assertEquals(1.0, r.get(0).scores().get("judge"));
            assertEquals("bad reply: not JSON: this is not json", r.get(1).reasons().get("judge"));
            // the process exits at "die": that request and the one after it fail with the exit code and stderr
            assertEquals("command exited (code 3): dying on purpose", r.get(2).reasons().get("judge"));
            assertEquals("command exited (code 3): dying on purpose", r.get(3).reasons().get("judge"));
            assertEquals(Map.of("judge", 3L), rules.failureCounts());
            // the next batch starts a fresh process
            assertEquals(List.of(1.0, 0.0), scores(rules.scoreAll(inputs("good", "bad"))));
        }
    }

    @Test
    void aHangingCommandTimesOutAndIsReplaced() throws Exception {
        try (RuleSet rules = load(scorerCommand(), Map.of("batch_size", 8, "timeout_ms", 1500))) {
            assertEquals(List.of(1.0), scores(rules.scoreAll(inputs("good")))); // started and warm
            long start = System.nanoTime();
            List<RewardResult> r = rules.scoreAll(inputs("good", "hang", "good"));
            double seconds = (System.nanoTime() - start) / 1e9;
            assertTrue(seconds < 10, "bounded by the 1.5 s batch timeout, took " + seconds);
            assertEquals(1.0, r.get(0).scores().get("judge"));
            assertEquals("timeout", r.get(1).reasons().get("judge"));
            assertEquals("timeout", r.get(2).reasons().get("judge"));
            assertEquals(Map.of("judge", 2L), rules.failureCounts());
            assertEquals(List.of(1.0), scores(rules.scoreAll(inputs("good"))));
        }
    }

    @Test
    void aCommandThatKeepsDyingIsNotRestartedForever() throws Exception {
        String javaBin = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        // "java -version" prints to stderr and exits at once: every batch finds it dead
        try (RuleSet rules = load(List.of(javaBin, "-Xshare:auto", "-version"), Map.of("max_restarts", 1))) {
            RewardResult first = rules.score(inputs("x").get(0));
            assertTrue(first.reasons().get("judge").startsWith("command exited (code 0): "), first.reasons().toString());
            // Whether the second batch still gets its one restart depends on whether the first
            // process was already dead when the first batch came; by the third it has been used.
            rules.score(inputs("x").get(0));
            RewardResult third = rules.score(inputs("x").get(0));
            assertTrue(third.reasons().get("judge").startsWith("command not restarted after 1 restarts; last failure: command exited"),
                    third.reasons().toString());
            assertEquals(Map.of("judge", 3L), rules.failureCounts());
        }
    }

    @Test
    void aCommandThatCannotStartIsAConfigurationError() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> load(List.of("/no/such/scorer"), Map.of()));
        assertTrue(e.getMessage().startsWith(tmp.resolve("rules.json") + " rules[0] (judge): cannot start command [/no/such/scorer]"),
                e.getMessage());
    }
}
