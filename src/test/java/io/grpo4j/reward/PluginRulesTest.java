package io.grpo4j.reward;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.OutputStream;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.jar.JarEntry;
import java.util.jar.JarOutputStream;
import javax.tools.JavaCompiler;
import javax.tools.ToolProvider;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Java rules: by class name from the classpath, and through ServiceLoader from a jar in a plugins folder. */
class PluginRulesTest {
    @TempDir
    Path tmp;

    private Path ruleFile(String rules) throws IOException {
        Path f = tmp.resolve("rules.json");
        Files.writeString(f, "{\"comment\": \"plugin test\", \"rules\": [" + rules + "]}");
        return f;
    }

    @Test
    void aClassNamedInARuleFileGetsItsParameters() throws IOException {
        Path f = ruleFile("{\"type\": \"java\", \"class\": \"io.grpo4j.reward.ExamplePluginRules$Shouting\", \"word\": \"hey\", \"weight\": 2},"
                + "{\"type\": \"java\", \"class\": \"io.grpo4j.reward.ExamplePluginRules$Shouting\", \"word\": \"ho\", \"name\": \"ho\"}");
        try (RuleSet rules = RuleSet.load(f.toString(), null)) {
            // the first takes the class's own name, the second the name from the file
            assertEquals(List.of("shouting", "ho"), rules.ruleNames());
            RewardResult r = rules.score(RewardInput.of("HEY there", null));
            // shouting 1.0 × weight 2 + ho 0.0 × weight 1
            assertEquals(2.0, r.total());
        }
    }

    @Test
    void aMissingClassIsAClearError() throws IOException {
        Path f = ruleFile("{\"type\": \"java\", \"class\": \"com.example.Nope\"}");
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> RuleSet.load(f.toString(), null));
        assertTrue(e.getMessage().startsWith(f + " rules[0] (java): class com.example.Nope not found"), e.getMessage());
        assertTrue(e.getMessage().endsWith("put its jar in the --plugins folder or on the classpath"), e.getMessage());
    }

    @Test
    void aStuckPluginIsAbandonedAfterItsTimeoutAndABrokenOneIsCounted() throws IOException {
        Path f = ruleFile("{\"type\": \"java\", \"class\": \"io.grpo4j.reward.ExamplePluginRules$Stuck\", \"timeout_ms\": 100},"
                + "{\"type\": \"java\", \"class\": \"io.grpo4j.reward.ExamplePluginRules$Broken\"}, {\"type\": \"format\"}");
        try (RuleSet rules = RuleSet.load(f.toString(), null)) {
            long start = System.nanoTime();
            RewardResult r = rules.score(RewardInput.of("<think>a</think><answer>1</answer>", "1"));
            long ms = (System.nanoTime() - start) / 1_000_000;
            assertTrue(ms < ExamplePluginRules.Stuck.MILLIS, "gave up after " + ms + " ms, not after the plugin finished");
            assertEquals("timeout", r.reasons().get("stuck"));
            assertTrue(r.scores().get("stuck").isNaN());
            assertEquals("error: java.lang.IllegalStateException: boom", r.reasons().get("broken"));
            // the failures leave the other rules and the total intact
            assertEquals(1.0, r.total());
            assertEquals(Map.of("stuck", 1L, "broken", 1L, "format", 0L), rules.failureCounts());
        }
    }

    @Test
    void serviceLoaderRulesComeFromJarsInThePluginsFolder() throws IOException, URISyntaxException {
        Path plugins = Files.createDirectories(tmp.resolve("plugins"));
        buildPluginJar(plugins.resolve("parity.jar"));
        try (RuleSet rules = RuleSet.load("format,parity", null, plugins)) {
            assertEquals(List.of("format", "parity"), rules.ruleNames());
            // "abcd" has an even length: parity scores 1
            assertEquals(1.0, rules.score(RewardInput.of("abcd", null)).scores().get("parity"));
            assertEquals(0.0, rules.score(RewardInput.of("abc", null)).scores().get("parity"));
        }
        // without the plugins folder the rule is unknown
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> RuleSet.load("format,parity", null));
        assertTrue(e.getMessage().startsWith("unknown reward rule or rule file 'parity' in \"format,parity\""), e.getMessage());
    }

    /** Compiles a RewardRule in its own package and jars it with a META-INF/services entry. */
    private void buildPluginJar(Path jar) throws IOException, URISyntaxException {
        Path src = Files.createDirectories(tmp.resolve("src/plugin"));
        Files.writeString(src.resolve("Parity.java"), """
                package plugin;
                import io.grpo4j.reward.*;
                public final class Parity implements RewardRule {
                    public String name() { return "parity"; }
                    public RuleScore score(RewardInput in) { return RuleScore.of(in.completion().length() % 2 == 0 ? 1.0 : 0.0); }
                }
                """);
        Path classes = Files.createDirectories(tmp.resolve("classes"));
        JavaCompiler javac = ToolProvider.getSystemJavaCompiler();
        String ourClasses = Path.of(RewardRule.class.getProtectionDomain().getCodeSource().getLocation().toURI()).toString();
        int rc = javac.run(null, null, null, "-d", classes.toString(), "-cp", ourClasses, src.resolve("Parity.java").toString());
        assertEquals(0, rc, "compiling the plugin");
        try (OutputStream out = Files.newOutputStream(jar); JarOutputStream j = new JarOutputStream(out)) {
            j.putNextEntry(new JarEntry("plugin/Parity.class"));
            j.write(Files.readAllBytes(classes.resolve("plugin/Parity.class")));
            j.closeEntry();
            j.putNextEntry(new JarEntry("META-INF/services/io.grpo4j.reward.RewardRule"));
            j.write("plugin.Parity\n".getBytes(StandardCharsets.UTF_8));
            j.closeEntry();
        }
    }
}
