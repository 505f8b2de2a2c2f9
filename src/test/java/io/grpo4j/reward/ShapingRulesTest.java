package io.grpo4j.reward;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The two shaping rules of the from-scratch default run, and its rule file. */
class ShapingRulesTest {
    static RewardInput in(String prompt, String completion, String gold) {
        return new RewardInput(prompt, completion, 10, "stop", gold, Map.of());
    }

    @Test
    void formatProgressCreditsTagsOnlyInOrder() throws Exception {
        try (RuleSet rs = RuleSet.load("format_progress", null)) {
            // prompt pre-fills <think>: that counts as the first of four steps
            String p = "User: 1+1. Assistant: <think>";
            assertEquals(0.5, rs.score(in(p, "</think></answer>", "2")).total(), 1e-12); // <think>, </think>; </answer> before <answer>
            assertEquals(0.75, rs.score(in(p, "x</think> <answer>2", "2")).total(), 1e-12);
            assertEquals(1.0, rs.score(in(p, "x</think> <answer>2</answer>", "2")).total(), 1e-12);
            assertEquals(0.25, rs.score(in("no prefill", "<think>a", "2")).total(), 1e-12);
        }
    }

    @Test
    void closenessDecaysWithTheDistanceOfTheAnswersNumber() throws Exception {
        try (RuleSet rs = RuleSet.load("closeness", null)) {
            assertEquals(1.0, rs.score(in("", "<answer>42</answer>", "42")).total(), 1e-12);
            assertEquals(Math.exp(-1), rs.score(in("", "<answer>32</answer>", "42")).total(), 1e-12); // off by scale 10
            assertEquals(Math.exp(-0.1), rs.score(in("", "<answer>x 43</answer>", "42")).total(), 1e-12); // last number in the tag
            assertEquals(0.0, rs.score(in("", "<answer>abc</answer>", "42")).total(), 1e-12);
            assertEquals(0.0, rs.score(in("", "42", "42")).total(), 1e-12); // no <answer>
            RewardResult noGold = rs.score(in("", "<answer>4</answer>", "a cat"));
            assertTrue(noGold.scores().get("closeness").isNaN());
        }
    }

    @Test
    void digitMatchCountsAgreeingSignAndDigitPositionsFromTheUnitsUp() throws Exception {
        try (RuleSet rs = RuleSet.load("digit_match", null)) {
            assertEquals(1.0, rs.score(in("", "<answer>24</answer>", "24")).total(), 1e-12);
            assertEquals(0.5, rs.score(in("", "<answer>25</answer>", "24")).total(), 1e-12); // tens
            assertEquals(2 / 3.0, rs.score(in("", "<answer> -24 </answer>", "24")).total(), 1e-12); // digits only
            assertEquals(2 / 3.0, rs.score(in("", "<answer>124</answer>", "24")).total(), 1e-12); // hundreds missing in gold
            assertEquals(0.0, rs.score(in("", "<answer>5</answer>", "-46")).total(), 1e-12); // sign, units and tens: none agrees
            assertEquals(1.0, rs.score(in("", "<answer>-46</answer>", "-46")).total(), 1e-12);
            assertEquals(0.0, rs.score(in("", "<answer>7</answer>", "3")).total(), 1e-12); // no credit for being a number
            assertEquals(2 / 3.0, rs.score(in("", "<answer>-40</answer>", "-46")).total(), 1e-12); // sign and tens of three positions
            assertEquals(0.5, rs.score(in("", "<answer>2 4</answer>", "24")).total(), 1e-12); // last number: 4
            assertEquals(1.0, rs.score(in("", "<answer>so 24</answer>", "24")).total(), 1e-12);
            assertEquals("no number in the answer", rs.score(in("", "<answer>twelve</answer>", "12")).reasons().get("digit_match"));
            assertEquals("answer is not an integer", rs.score(in("", "<answer>2.5</answer>", "2")).reasons().get("digit_match"));
            assertEquals(0.0, rs.score(in("", "24", "24")).total(), 1e-12); // no <answer>
            assertTrue(rs.score(in("", "<answer>4</answer>", "1/2")).scores().get("digit_match").isNaN());
        }
    }

    @Test
    void numberOnlyScoresAnAnswerThatIsThePlainNumberAndNothingElse(@TempDir Path dir) throws Exception {
        Path file = dir.resolve("strict.json");
        Files.writeString(file, "{\"comment\": \"plain-number shaping\", \"rules\": [{\"type\": \"closeness\", \"number_only\": true},"
                + " {\"type\": \"digit_match\", \"number_only\": true}]}");
        try (RuleSet rs = RuleSet.load(file.toString(), null)) {
            RewardResult plain = rs.score(in("", "<answer> 25 </answer>", "24"));
            assertEquals(Math.exp(-0.1), plain.scores().get("closeness"), 1e-12); // off by 1, scale 10
            assertEquals(0.5, plain.scores().get("digit_match"), 1e-12); // tens agree
            assertEquals(1.0, rs.score(in("", "<answer>-46</answer>", "-46")).scores().get("digit_match"), 1e-12);
            // the lenient reading would score the last number, 24, as exact
            RewardResult filler = rs.score(in("", "<answer>so 24</answer>", "24"));
            assertEquals(0.0, filler.total(), 1e-12);
            assertEquals("the answer is not a plain number", filler.reasons().get("closeness"));
            assertEquals("the answer is not a plain number", filler.reasons().get("digit_match"));
            assertEquals(0.0, rs.score(in("", "<answer>2 4</answer>", "24")).total(), 1e-12);
            assertEquals(0.0, rs.score(in("", "<answer>24x</answer>", "24")).total(), 1e-12);
            assertEquals(0.0, rs.score(in("", "<answer></answer>", "24")).total(), 1e-12);
        }
    }

    @Test
    void defaultArithmeticRuleFileWeightsItsRules() throws Exception {
        try (RuleSet rs = RuleSet.load("arithmetic", Path.of("rewards"))) {
            assertEquals(List.of("format", "format_progress", "tag_count", "numeric_answer", "accuracy", "digit_match"), rs.ruleNames());
            RewardResult r = rs.score(in("Assistant: <think>", "5+7=12</think> <answer>12</answer>", "12"));
            assertEquals(1 + 0.25 + 0.25 + 0.5 + 1 + 1, r.total(), 1e-12);
            // filler around a guess: the number-only rules give nothing
            RewardResult filler = rs.score(in("Assistant: <think>", "</think><answer>so 13</answer>", "12"));
            assertEquals(1 + 0.25 + 0.25, filler.total(), 1e-12);
        }
    }
}
