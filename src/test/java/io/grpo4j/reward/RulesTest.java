package io.grpo4j.reward;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class RulesTest {
    static RewardInput in(String completion, String gold) {
        return new RewardInput("p", completion, 10, "stop", gold, Map.of());
    }

    static double score(RewardRule r, String completion, String gold) {
        return r.score(in(completion, gold)).value();
    }

    @Test
    void formatNeedsEachTagOnceInOrderAndNothingAfter() {
        RewardRule f = new FormatRule("format", false, false);
        assertEquals(1, score(f, "<think>7+5=12</think> <answer>12</answer>", "12"));
        assertEquals(1, score(f, "\n<think>\nhm\n</think>\n<answer> 12 </answer>\n", "12"));
        assertEquals(0, score(f, "<think>a</think><answer>1</answer><answer>2</answer>", "2")); // two answers
        assertEquals(0, score(f, "<answer>1</answer><think>a</think>", "1")); // order
        assertEquals(0, score(f, "<think>a</think><answer>1</answer> and more", "1")); // text after
        assertEquals(0, score(f, "<think>a</think><answer> </answer>", "1")); // empty answer
        RewardRule prefilled = new FormatRule("format", true, false);
        assertEquals(1, score(prefilled, "7+5=12</think> <answer>12</answer>", "12"));
        assertEquals(0, score(prefilled, "<think>7+5</think> <answer>12</answer>", "12")); // re-opened <think>
        RewardRule needThink = new FormatRule("format", false, true);
        assertEquals(0, score(needThink, "<think> </think><answer>1</answer>", "1"));
    }

    @Test
    void tagCountGivesAQuarterPerTagPresentOnce() {
        RewardRule t = new TagCountRule("tag_count", false);
        assertEquals(1.0, score(t, "<think>a</think><answer>1</answer>", "1"));
        assertEquals(0.25, score(t, "<think>a</think></think>", "1")); // <think> once; </think> twice, no answer tags
        assertEquals(0.75, score(new TagCountRule("tag_count", true), "</think></answer>", "1"));
        // format_progress credits tags only in order: the same shortcut earns one step of three
        RewardRule progress = new FormatProgressRule("format_progress", true);
        assertEquals(1.0 / 3, score(progress, "</think></answer>", "1"), 1e-12);
        assertEquals(2.0 / 3, score(progress, "x</think> <answer>12", "1"), 1e-12);
        assertEquals(1.0, score(progress, "x</think> <answer>12</answer>", "1"), 1e-12);
        assertEquals(0.5, score(new FormatProgressRule("format_progress", false), "<think>a</think>", "1"), 1e-12);
    }

    @Test
    void accuracyIsMathematicalEquivalence() {
        RewardRule a = new AccuracyRule("accuracy");
        String[][] same = {
            {"<answer>1,000</answer>", "1000"}, {"<answer>0.5</answer>", "\\frac{1}{2}"}, {"<answer>1/2</answer>", "\\dfrac{1}{2}"},
            {"<answer>-3</answer>", "-3"}, {"<answer>$18</answer>", "18"}, {"<answer>x = 5</answer>", "5"},
            {"<answer>50\\%</answer>", "50"}, {"<answer>90^\\circ</answer>", "90"}, {"<answer>\\text{18 dollars}</answer>", "18"},
            {"so \\boxed{\\frac{3}{4}} done", "0.75"}, {"The answer is 42.", "42"}, {"#### 1,600", "1600"},
            {"blah 7 then 12", "12"}, {"<answer>12.0</answer>", "12"}, {"<answer> 12 </answer>", "12"}};
        for (String[] c : same) {
            assertEquals(1, score(a, c[0], c[1]), c[0] + " vs " + c[1]);
        }
        String[][] different = {{"<answer>1001</answer>", "1000"}, {"<answer>-3</answer>", "3"}, {"<answer>0.33</answer>", "1/3"},
            {"no number here", "5"}};
        for (String[] c : different) {
            assertEquals(0, score(a, c[0], c[1]), c[0] + " vs " + c[1]);
        }
        assertTrue(Double.isNaN(score(a, "<answer>1</answer>", null)), "no gold: not applicable");
        // the last <answer> counts
        assertEquals(1, score(a, "<answer>3</answer> wait <answer>4</answer>", "4"));
        // hostile sizes stay bounded
        assertEquals(0, score(a, "<answer>" + "9".repeat(1_000_000) + "</answer>", "9"));
        assertEquals(0, score(a, "<answer>10^10^10</answer>", "5"));
    }

    @Test
    void closenessAndOverlong() {
        RewardRule c = new ClosenessRule("closeness", 10);
        assertEquals(1, score(c, "<answer>42</answer>", "42"), 1e-12);
        assertEquals(Math.exp(-1), score(c, "<answer>32</answer>", "42"), 1e-12);
        assertEquals(0, score(c, "<answer>abc</answer>", "42"));
        assertEquals(Math.exp(-0.1), score(c, "<answer>x 43</answer>", "42"), 1e-12); // the answer's last number
        assertEquals(0, score(c, "42", "42")); // no <answer> tag
        RewardRule o = new OverlongRule("overlong", 100, 20);
        // L ≤ 80: 0; 80 < L ≤ 100: (80 − L)/20; beyond: −1
        assertEquals(0, o.score(new RewardInput("p", "x", 80, "stop", "1", Map.of())).value());
        assertEquals(-0.5, o.score(new RewardInput("p", "x", 90, "stop", "1", Map.of())).value(), 1e-12);
        assertEquals(-1, o.score(new RewardInput("p", "x", 101, "length", "1", Map.of())).value());
    }

    @Test
    void ruleSetsWeightRulesAndLeaveNotApplicableOut(@TempDir Path tmp) throws IOException {
        try (RuleSet rs = RuleSet.load("arithmetic", Path.of("rewards"))) {
            assertEquals(List.of("format", "format_progress", "tag_count", "accuracy", "closeness"), rs.ruleNames());
            RewardResult r = rs.scoreAll(List.of(in("12</think> <answer>12</answer>", "12"))).get(0);
            assertEquals(1 + 0.25 + 0.25 + 1 + 0.5, r.total(), 1e-12);
            RewardResult noGold = rs.scoreAll(List.of(in("12</think> <answer>12</answer>", null))).get(0);
            assertTrue(noGold.scores().get("accuracy").isNaN());
            assertEquals(1.5, noGold.total(), 1e-12); // format + format_progress + tag_count only
            assertEquals("no gold answer", noGold.reasons().get("accuracy"));
        }
        try (RuleSet rs = RuleSet.load("format,accuracy", null)) {
            assertEquals(List.of(1.0, 1.0), rs.weights());
        }
        Path bad = tmp.resolve("bad.json");
        Files.writeString(bad, "{\"rules\": [{\"type\": \"telepathy\"}]}");
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> RuleSet.load(bad.toString(), null));
        assertEquals(bad + ": rules[0]: unknown rule type 'telepathy'; built-in: " + RuleSet.BUILT_INS, e.getMessage());
        IOException missing = assertThrows(IOException.class, () -> RuleSet.load("nope/x.json", null));
        assertEquals("rule file not found: nope/x.json", missing.getMessage());
        for (String shipped : new String[] {"r1-zero", "arithmetic"}) {
            try (RuleSet rs = RuleSet.load(shipped, Path.of("rewards"))) {
                assertFalse(rs.ruleNames().isEmpty());
            }
        }
    }
}
