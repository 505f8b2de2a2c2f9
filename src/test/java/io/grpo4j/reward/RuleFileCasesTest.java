package io.grpo4j.reward;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/** Every rule file shipped in rewards/ loads, says what it rewards, and scores its golden cases as written. */
class RuleFileCasesTest {
    static final Path REWARDS = Path.of("rewards");

    @Test
    void theShippedRuleFilesExist() {
        for (String name : List.of("r1-zero", "gsm8k", "math", "countdown", "dapo")) {
            assertTrue(Files.isRegularFile(REWARDS.resolve(name + ".json")), "rewards/" + name + ".json");
        }
    }

    @Test
    void everyRuleFileScoresItsGoldenCases() throws IOException {
        List<Path> files;
        try (Stream<Path> s = Files.list(REWARDS)) {
            files = s.filter(p -> p.toString().endsWith(".json") || p.toString().endsWith(".yaml")).sorted().toList();
        }
        assertFalse(files.isEmpty());
        List<String> mismatches = new ArrayList<>();
        int checked = 0;
        for (Path file : files) {
            String name = file.getFileName().toString().replaceFirst("\\.(json|yaml)$", "");
            try (RuleSet rules = RuleSet.load(name, REWARDS)) {
                assertFalse(rules.comment().isBlank(), file + " comment");
                assertFalse(rules.cases().isEmpty(), file + " should carry golden cases");
                for (int i = 0; i < rules.cases().size(); i++) {
                    GoldenCase c = rules.cases().get(i);
                    RewardResult r = rules.score(c.input());
                    for (Map.Entry<String, Double> e : c.expected().entrySet()) {
                        Double got = r.scores().get(e.getKey());
                        if (got == null || !sameScore(e.getValue(), got)) {
                            mismatches.add(file + " cases[" + i + "] " + e.getKey() + ": expected " + e.getValue()
                                    + ", got " + got + " (" + r.reasons().get(e.getKey()) + ")");
                        }
                    }
                    if (c.expectedTotal() != null && !sameScore(c.expectedTotal(), r.total())) {
                        mismatches.add(file + " cases[" + i + "] total: expected " + c.expectedTotal() + ", got " + r.total());
                    }
                    checked++;
                }
            }
        }
        assertEquals(List.of(), mismatches);
        assertTrue(checked >= 20, "golden cases checked: " + checked);
    }

    private static boolean sameScore(double expected, double got) {
        return Double.isNaN(expected) ? Double.isNaN(got) : Math.abs(expected - got) < 1e-9;
    }
}
