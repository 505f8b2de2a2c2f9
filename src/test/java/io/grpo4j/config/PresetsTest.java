package io.grpo4j.config;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.grpo4j.reward.RuleSet;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** Every preset in configs/ loads, validates, and names reward rules that exist. */
class PresetsTest {
    static Stream<Path> presets() throws IOException {
        List<Path> files;
        try (Stream<Path> s = Files.list(Path.of("configs"))) {
            files = s.filter(p -> p.toString().endsWith(".json")).sorted().toList();
        }
        assertTrue(files.size() >= 4, "presets: " + files);
        return files.stream();
    }

    @ParameterizedTest
    @MethodSource("presets")
    void presetLoadsAndItsRulesExist(Path preset) throws IOException {
        RunConfig c = ConfigLoader.load(preset, List.of());
        String name = preset.getFileName().toString().replace(".json", "");
        assertEquals(name, c.run().name(), "a preset's run name is its file name");
        try (RuleSet rules = RuleSet.load(c.rewards().rules(), Path.of("rewards"))) {
            assertTrue(!rules.ruleNames().isEmpty());
        }
    }
}
