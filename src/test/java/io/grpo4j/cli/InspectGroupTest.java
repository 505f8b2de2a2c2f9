package io.grpo4j.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.grpo4j.report.RunFixture;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code grpo4j inspect --group} and {@code --filter zero-variance} on a run written in the test. */
class InspectGroupTest {
    @Test
    void inspectGroupShowsEachPromptWithItsCompletionsSideBySide(@TempDir Path tmp) throws Exception {
        Path run = tmp.resolve("runs/r");
        RunFixture.write(run);
        CommandsTest.Result r = CommandsTest.run("inspect", run.toString(), "--group", "--step", "6");
        assertEquals(0, r.code(), r.err());
        List<String> lines = r.out().lines().toList();
        assertEquals("step 6: 2 prompts shown of 2 matching (8 completions)", lines.get(0));
        assertTrue(lines.get(1).startsWith("── step 6 · train-600  gold 42  4 samples  reward mean 1.5 std 0"), lines.get(1));
        assertTrue(lines.get(1).endsWith("zero variance: no learning signal"), "the all-correct group: " + lines.get(1));
        assertTrue(lines.get(3).contains("adv") && lines.get(3).contains("format") && lines.get(3).contains("accuracy"), lines.get(3));
        assertEquals(4, lines.stream().filter(l -> l.matches("\\s+\\d\\s+1\\.5\\s+\\+0\\.000\\s.*")).count(), r.out());
        assertFalse(r.out().contains("\u001b"), "no colour when not writing to a terminal");
    }

    @Test
    void inspectFiltersZeroVarianceGroups(@TempDir Path tmp) throws Exception {
        Path run = tmp.resolve("runs/r");
        List<ObjectNode> rows = RunFixture.write(run);
        Set<String> flat = rows.stream().filter(o -> o.get("step").asInt() == 6)
                .collect(Collectors.groupingBy(o -> o.get("prompt_id").asText(), Collectors.mapping(o -> o.get("reward").asDouble(),
                        Collectors.toSet())))
                .entrySet().stream().filter(e -> e.getValue().size() == 1).map(java.util.Map.Entry::getKey).collect(Collectors.toSet());
        CommandsTest.Result r = CommandsTest.run("inspect", run.toString(), "--step", "6", "--filter", "zero-variance", "--group");
        assertEquals(0, r.code(), r.err());
        assertTrue(r.out().startsWith("step 6: " + flat.size() + " prompts shown of " + flat.size() + " matching"), r.out());
        CommandsTest.Result bad = CommandsTest.run("inspect", run.toString(), "--filter", "flat");
        assertEquals(1, bad.code());
        assertEquals("grpo4j inspect: unknown filter 'flat': use correct, wrong, format-fail, truncated or zero-variance", bad.err().trim());
        CommandsTest.Result sorted = CommandsTest.run("inspect", run.toString(), "--step", "12", "--sort", "advantage", "--limit", "1");
        assertEquals(0, sorted.code(), sorted.err());
        double best = rows.stream().filter(o -> o.get("step").asInt() == 12).mapToDouble(o -> o.get("advantage").asDouble()).max().orElseThrow();
        assertTrue(sorted.out().contains(String.format(java.util.Locale.ROOT, "advantage %+.3f", best)), sorted.out());
    }
}
