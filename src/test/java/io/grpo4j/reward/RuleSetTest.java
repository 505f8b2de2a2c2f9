package io.grpo4j.reward;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class RuleSetTest {
    @TempDir
    Path tmp;

    private Path write(String name, String text) throws IOException {
        Path f = tmp.resolve(name);
        Files.writeString(f, text);
        return f;
    }

    @Test
    void aCommaListHasWeightOneEach() {
        try (RuleSet rules = RuleSet.load("format, accuracy", null)) {
            assertEquals(List.of("format", "accuracy"), rules.ruleNames());
            assertEquals(List.of(1.0, 1.0), rules.weights());
            RewardResult r = rules.score(RewardInput.of("<think>7+5=12</think><answer>12</answer>", "12"));
            assertEquals(2.0, r.total());
        }
    }

    @Test
    void theTotalIsTheWeightedSumOverRulesThatApply() throws IOException {
        Path f = write("w.json", """
                {"comment": "weights", "rules": [
                  {"type": "format", "weight": 0.5},
                  {"type": "accuracy", "weight": 2},
                  {"type": "tag_count", "name": "tags", "weight": -1}
                ]}""");
        try (RuleSet rules = RuleSet.load(f.toString(), null)) {
            RewardInput noGold = RewardInput.of("<think>a</think><answer>12</answer>", null);
            RewardResult r = rules.score(noGold);
            // format 1 × 0.5 + accuracy NaN (left out) + tags 1 × −1 = −0.5
            assertEquals(-0.5, r.total());
            LinkedHashMap<String, Double> expected = new LinkedHashMap<>();
            expected.put("format", 1.0);
            expected.put("accuracy", Double.NaN);
            expected.put("tags", 1.0);
            assertEquals(expected, r.scores());
            assertEquals("no gold answer", r.reasons().get("accuracy"));
            // 0.5·1 + 2·1 − 1·1 = 1.5 with a gold answer
            assertEquals(1.5, rules.score(RewardInput.of("<think>a</think><answer>12</answer>", "12")).total());
        }
    }

    @Test
    void aNameLooksInTheRewardsFolderAndYamlWorks() throws IOException {
        write("mine.yaml", """
                comment: YAML rule file
                rules:
                  - type: accuracy
                    extract: [boxed]
                  - type: length
                    unit: chars
                    ranges: [{max: 10, score: 1}]
                """);
        try (RuleSet rules = RuleSet.load("mine", tmp)) {
            assertEquals(List.of("accuracy", "length"), rules.ruleNames());
            assertEquals("YAML rule file", rules.comment());
            // "\boxed{4}" is 9 characters: within the length range; 4 is the gold
            assertEquals(2.0, rules.score(RewardInput.of("\\boxed{4}", "4")).total());
        }
    }

    @Test
    void mistakesAreReportedWithFileEntryAndRemedy() throws IOException {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> RuleSet.load("format,acuracy", tmp));
        assertEquals("unknown reward rule or rule file 'acuracy' in \"format,acuracy\"; rules: accuracy, format, tag_count, "
                + "format_progress, closeness, digit_match, countdown, overlong, repetition, cosine, regex, contains, not_contains, length; rule files in " + tmp + ": (none)",
                e.getMessage());

        Path dup = write("dup.json", "{\"comment\": \"c\", \"rules\": [{\"type\": \"format\"}, {\"type\": \"format\"}]}");
        e = assertThrows(IllegalArgumentException.class, () -> RuleSet.load(dup.toString(), null));
        assertEquals(dup + ": two rules are named 'format'; give one of them a different \"name\" (names key the results)", e.getMessage());

        Path noComment = write("nc.json", "{\"rules\": [{\"type\": \"format\"}]}");
        e = assertThrows(IllegalArgumentException.class, () -> RuleSet.load(noComment.toString(), null));
        assertEquals(noComment + ": \"comment\" is required: say in a sentence what this rule set rewards", e.getMessage());

        Path typo = write("typo.json", "{\"comment\": \"c\", \"rules\": [{\"type\": \"accuracy\"}, {\"type\": \"fromat\"}]}");
        e = assertThrows(IllegalArgumentException.class, () -> RuleSet.load(typo.toString(), null));
        assertTrue(e.getMessage().startsWith(typo + " rules[1] (fromat): unknown rule type 'fromat'; known types: accuracy, closeness, command, "),
                e.getMessage());

        Path broken = write("broken.json", "{\"comment\": \"c\",\n \"rules\": [}");
        e = assertThrows(IllegalArgumentException.class, () -> RuleSet.load(broken.toString(), null));
        assertTrue(e.getMessage().startsWith(broken + ": not valid JSON (line 2): "), e.getMessage());

        e = assertThrows(IllegalArgumentException.class, () -> RuleSet.load("nowhere/r.json", null));
        assertTrue(e.getMessage().startsWith("rule file nowhere/r.json not found"), e.getMessage());

        e = assertThrows(IllegalArgumentException.class, () -> RuleSet.load("overlong", null));
        assertEquals("rule 'overlong' in \"overlong\": parameter 'max_tokens' is required (a whole number)", e.getMessage());
    }

    @Test
    void rulesGivenInCodeAreBoundedToo() {
        RewardRule constant = new RewardRule() {
            @Override
            public String name() {
                return "constant";
            }

            @Override
            public RuleScore score(RewardInput in) {
                return RuleScore.of(0.25);
            }
        };
        try (RuleSet rules = RuleSet.of(List.of(constant), List.of(4.0))) {
            assertEquals(1.0, rules.score(RewardInput.of("x", null)).total());
            // a completion over the size bound is not shown to the rule
            RewardResult big = rules.score(RewardInput.of("x".repeat((1 << 22) + 1), null));
            assertEquals("too large", big.reasons().get("constant"));
            assertEquals(Map.of("constant", 1L), rules.failureCounts());
        }
    }

    @Test
    void theDefaultRewardsFolderIsTheProjects() {
        assertEquals(Path.of("rewards").toAbsolutePath(), RuleSet.defaultRewardsDir());
        try (RuleSet rules = RuleSet.load("r1-zero", RuleSet.defaultRewardsDir())) {
            assertEquals(List.of("format", "accuracy"), rules.ruleNames());
        }
    }
}
