package io.grpo4j.reward;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.grpo4j.reward.rules.BuiltinRules;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Each built-in rule on hand-made completions; the comment by each value says why it is right. */
class BuiltinRulesTest {

    static RewardRule rule(String type, Map<String, Object> params) {
        return BuiltinRules.create(type, type, new RuleParams("test " + type, params, Path.of(".")));
    }

    static RewardInput in(String prompt, String completion, int tokens, String answer, Map<String, Object> row) {
        return new RewardInput(prompt, completion, tokens, "stop", answer, row);
    }

    static RuleScore score(String type, Map<String, Object> params, String completion) {
        return rule(type, params).score(in("", completion, -1, null, Map.of()));
    }

    @Test
    void accuracyOnTheArithmeticTask() {
        RewardRule acc = rule("accuracy", Map.of());
        assertEquals(RuleScore.of(1.0), acc.score(RewardInput.of("<think>7+5=12</think><answer>12</answer>", "12")));
        assertEquals(RuleScore.of(1.0), acc.score(RewardInput.of("<think>\n4-7=-3\n</think>\n<answer>\n-3\n</answer>", "-3")));
        assertEquals(RuleScore.of(0.0, "wrong answer"), acc.score(RewardInput.of("<think>4-7=3</think><answer>3</answer>", "-3")));
        assertEquals(RuleScore.of(0.0, "no answer"), acc.score(RewardInput.of("<think>thinking", "-3")));
        assertEquals(RuleScore.notApplicable("no gold answer"), acc.score(RewardInput.of("<answer>1</answer>", null)));
        // with allow_multiple_answers the last block counts
        RewardRule lenient = rule("accuracy", Map.of("allow_multiple_answers", true));
        assertEquals(1.0, lenient.score(RewardInput.of("<answer>1</answer><answer>-3</answer>", "-3")).value());
    }

    @Test
    void formatChecksTagsOrderAndTrailingText() {
        Map<String, Object> none = Map.of();
        assertEquals(RuleScore.of(1.0), score("format", none, "  <think>a</think>\n\n<answer>b</answer>\n"));
        assertEquals(RuleScore.of(0.0, "text after </answer>"), score("format", none, "<think>a</think><answer>b</answer>x"));
        assertEquals(RuleScore.of(0.0, "text before <think>"), score("format", none, "hi <think>a</think><answer>b</answer>"));
        assertEquals(RuleScore.of(0.0, "text between </think> and <answer>"), score("format", none, "<think>a</think>x<answer>b</answer>"));
        assertEquals(RuleScore.of(0.0, "2 <answer> tags"), score("format", none, "<think>a</think><answer>b</answer><answer>c</answer>"));
        assertEquals(RuleScore.of(0.0, "no <think>"), score("format", none, "a</think><answer>b</answer>"));
        assertEquals(RuleScore.of(0.0, "tags out of order"), score("format", none, "<think>a<answer>b</think></answer>"));
        assertEquals(RuleScore.of(0.0, "empty answer"), score("format", none, "<think>a</think><answer> </answer>"));
        assertEquals(RuleScore.of(1.0), score("format", none, "<think></think><answer>b</answer>"));
        assertEquals(RuleScore.of(0.0, "empty think"), score("format", Map.of("require_think_content", true), "<think> </think><answer>b</answer>"));
    }

    @Test
    void formatWithAPrefilledThink() {
        String completion = "7+5=12</think><answer>12</answer>";
        RewardRule auto = rule("format", Map.of());
        // auto: the prompt ends with "<think>" (trailing newline ignored), so the tag is put back
        assertEquals(1.0, auto.score(in("Assistant: <think>\n", completion, -1, null, Map.of())).value());
        assertEquals(0.0, auto.score(in("Assistant:", completion, -1, null, Map.of())).value());
        assertEquals(1.0, rule("format", Map.of("prefilled_think", true)).score(in("", completion, -1, null, Map.of())).value());
        // a model that writes <think> again after the pre-fill has two of them
        assertEquals(RuleScore.of(0.0, "2 <think> tags"),
                auto.score(in("Assistant: <think>", "<think>x</think><answer>1</answer>", -1, null, Map.of())));
        assertEquals(0.0, rule("format", Map.of("prefilled_think", false))
                .score(in("Assistant: <think>", completion, -1, null, Map.of())).value());
    }

    @Test
    void tagCountGivesAQuarterPerTagPresentOnce() {
        // all four once: 4 × 0.25
        assertEquals(1.0, score("tag_count", Map.of(), "<think>a</think><answer>b</answer>").value());
        // <think> and </think> once, <answer> twice (no credit), </answer> once: 3 × 0.25
        assertEquals(0.75, score("tag_count", Map.of(), "<think>a</think><answer>b<answer>c</answer>").value());
        assertEquals(0.0, score("tag_count", Map.of(), "plain text").value());
    }

    @Test
    void countdownFollowsTinyZero() {
        RewardRule cd = rule("countdown", Map.of());
        Map<String, Object> row = Map.of("nums", List.of(3L, 100L, 8L, 4L), "target", 15L);
        // (100 − 4) / 8 + 3 = 12 + 3 = 15, with each of 3, 100, 8, 4 used once
        assertEquals(RuleScore.of(1.0), cd.score(in("", "<answer>(100 - 4) / 8 + 3</answer>", -1, null, row)));
        // 100 / 4 − 8 − 3 = 14 ≠ 15
        assertEquals(RuleScore.of(0.1, "wrong result"), cd.score(in("", "<answer>100 / 4 - 8 - 3</answer>", -1, null, row)));
        assertEquals(RuleScore.of(0.1, "numbers differ"), cd.score(in("", "<answer>100 - 85</answer>", -1, null, row)));
        assertEquals(RuleScore.of(0.1, "invalid equation"), cd.score(in("", "<answer>3(100-4)/8</answer>", -1, null, row)));
        assertEquals(RuleScore.of(0.1, "invalid equation"), cd.score(in("", "<answer>100/(4-4)+3+8</answer>", -1, null, row)));
        assertEquals(RuleScore.of(0.0, "no answer"), cd.score(in("", "(100 - 4) / 8 + 3", -1, null, row)));
        assertTrue(cd.score(in("", "<answer>1</answer>", -1, null, Map.of())).isNaN());
        // the target may come from the gold answer, the numbers from "numbers"
        assertEquals(1.0, cd.score(in("", "<answer>2*3</answer>", -1, "6", Map.of("numbers", List.of(3L, 2L)))).value());
    }

    @Test
    void overlongIsDapoSoftPenalty() {
        RewardRule o = rule("overlong", Map.of("max_tokens", 100L, "buffer", 20L));
        // L ≤ 80 = 100 − 20: no penalty
        assertEquals(0.0, o.score(in("", "x", 80, null, Map.of())).value());
        // L = 90: (80 − 90) / 20 = −0.5
        assertEquals(-0.5, o.score(in("", "x", 90, null, Map.of())).value());
        // L = 100: (80 − 100) / 20 = −1;  L = 101: beyond, −1
        assertEquals(-1.0, o.score(in("", "x", 100, null, Map.of())).value());
        assertEquals(-1.0, o.score(in("", "x", 101, null, Map.of())).value());
        assertTrue(o.score(in("", "x", -1, null, Map.of())).isNaN());
    }

    @Test
    void repetitionPenalisesRepeatedNgrams() {
        RewardRule r = rule("repetition", Map.of("ngram_size", 2L, "max_penalty", -1.0));
        // "a b a b a b": bigrams ab ba ab ba ab → T = 5, U = 2 → (1 − 2/5)·(−1) = −0.6
        assertEquals(-0.6, r.score(in("", "a b A b a b", -1, null, Map.of())).value(), 1e-12);
        // all distinct → 0
        assertEquals(0.0, r.score(in("", "one two three four", -1, null, Map.of())).value());
        assertEquals(0.0, r.score(in("", "one", -1, null, Map.of())).value());
    }

    @Test
    void cosineScalesCorrectnessByLength() {
        RewardRule c = rule("cosine", Map.of("max_len", 100L));
        String right = "<answer>12</answer>";
        // correct at L = 0: cos 0 = 1 → 0.5 + 0.5·0.5·2 = 1.0; at L = 50: cos(π/2) = 0 → 0.75; at L = 100: 0.5
        assertEquals(1.0, c.score(in("", right, 0, "12", Map.of())).value(), 1e-12);
        assertEquals(0.75, c.score(in("", right, 50, "12", Map.of())).value(), 1e-12);
        assertEquals(0.5, c.score(in("", right, 100, "12", Map.of())).value(), 1e-12);
        // wrong at L = 0: −0.5 + 0.5·(−1 + 0.5)·2 = −1.0; at L = 100 (and beyond, capped): −0.5
        assertEquals(-1.0, c.score(in("", right, 0, "13", Map.of())).value(), 1e-12);
        assertEquals(-0.5, c.score(in("", right, 100, "13", Map.of())).value(), 1e-12);
        assertEquals(-0.5, c.score(in("", right, 400, "13", Map.of())).value(), 1e-12);
    }

    @Test
    void declarativeRules() {
        assertEquals(2.0, score("regex", Map.of("pattern", "^<think>", "match", 2.0), "<think>x").value());
        assertEquals(0.0, score("regex", Map.of("pattern", "^<think>"), "x <think>").value());
        assertEquals(1.0, score("regex", Map.of("pattern", "a.b", "flags", List.of("dotall"), "full", true), "a\nb").value());
        assertEquals(0.0, score("regex", Map.of("pattern", "a.b", "full", true), "a\nb").value());
        assertEquals(1.0, score("contains", Map.of("text", List.of("wait", "hmm")), "Hmm, hmm").value());
        assertEquals(0.0, score("contains", Map.of("text", List.of("wait", "hmm"), "mode", "all"), "hmm").value());
        assertEquals(1.0, score("contains", Map.of("text", "WAIT", "ignore_case", true), "wait").value());
        assertEquals(-1.0, score("not_contains", Map.of("text", "I am sure", "score", 0.0, "else", -1.0), "I am sure.").value());
        assertEquals(0.0, score("not_contains", Map.of("text", "I am sure", "score", 0.0, "else", -1.0), "maybe").value());
        Map<String, Object> ranges = Map.of("unit", "words", "ranges",
                List.of(Map.of("max", 2L, "score", -1.0), Map.of("min", 3L, "max", 5L, "score", 1.0)), "else", 0.5);
        assertEquals(-1.0, score("length", ranges, "one two").value()); // 2 words: first range
        assertEquals(1.0, score("length", ranges, "one two three").value()); // 3 words: second
        assertEquals(0.5, score("length", ranges, "a b c d e f").value()); // 6 words: neither
    }

    @Test
    void unknownAndBadParametersAreRejectedWithTheirPlace() {
        IllegalArgumentException e = org.junit.jupiter.api.Assertions.assertThrows(IllegalArgumentException.class,
                () -> rule("format", Map.of("prefill_think", true)));
        assertEquals("test format: unknown parameter prefill_think; this rule accepts: comment, name, prefilled_think, "
                + "require_think_content, timeout_ms, type, weight", e.getMessage());
        e = org.junit.jupiter.api.Assertions.assertThrows(IllegalArgumentException.class,
                () -> rule("overlong", Map.of("max_tokens", 100L)));
        assertEquals("test overlong: parameter 'buffer' is required (a whole number)", e.getMessage());
        e = org.junit.jupiter.api.Assertions.assertThrows(IllegalArgumentException.class,
                () -> rule("regex", Map.of("pattern", "(")));
        assertTrue(e.getMessage().startsWith("test regex: parameter 'pattern' is not a valid Java regular expression"), e.getMessage());
        e = org.junit.jupiter.api.Assertions.assertThrows(IllegalArgumentException.class,
                () -> rule("accuracy", Map.of("extract", List.of("answer_tags"))));
        assertEquals("test accuracy: parameter 'extract': unknown answer source 'answer_tags'; expected one of "
                + "answer_tag, boxed, answer_is, last_number", e.getMessage());
    }
}
