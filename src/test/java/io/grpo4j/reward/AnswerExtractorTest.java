package io.grpo4j.reward;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import io.grpo4j.reward.math.AnswerExtractor;
import io.grpo4j.reward.math.AnswerSource;
import java.util.List;
import org.junit.jupiter.api.Test;

class AnswerExtractorTest {

    private static String extract(String text) {
        AnswerExtractor.Extracted e = AnswerExtractor.extract(text, AnswerSource.ALL);
        return e == null ? null : e.source().key() + ":" + e.text();
    }

    @Test
    void sourcesAreTriedInOrder() {
        // an <answer> block wins over a \boxed elsewhere, which wins over "the answer is", then the last number
        assertEquals("answer_tag:12", extract("\\boxed{3} <answer> 12 </answer>"));
        assertEquals("boxed:\\frac{1}{2}", extract("so $\\boxed{\\frac{1}{2}}$. The answer is 7"));
        assertEquals("answer_is:42", extract("We add 40 and 2. The answer is 42. Done in 3 steps"));
        assertEquals("answer_is:1,600", extract("3*500=1500\n#### 1,600"));
        assertEquals("last_number:-1,234.5", extract("it drops by -1,234.5."));
        assertNull(extract("no digits here"));
    }

    @Test
    void theLastOfSeveralIsTaken() {
        assertEquals("answer_tag:2", extract("<answer>1</answer> then <answer>2</answer>"));
        // the last \boxed has balanced nested braces
        assertEquals("boxed:\\frac{a}{\\sqrt{b}}", extract("\\boxed{1} and \\boxed{\\frac{a}{\\sqrt{b}}}"));
        // an unclosed (truncated) \boxed is skipped for the previous complete one
        assertEquals("boxed:5", extract("\\boxed{5} then \\boxed{\\frac{1}{"));
        assertEquals("boxed:7", extract("\\fbox{7}"));
        assertEquals("boxed:9", extract("\\boxed 9"));
    }

    @Test
    void anUnclosedAnswerTagIsNoAnswer() {
        assertNull(AnswerExtractor.answerTag("<answer>12"));
        assertEquals("12", AnswerExtractor.answerTag("<answer>\\boxed{12}</answer>"));
    }

    @Test
    void goldAnswersInDatasetForms() {
        assertEquals("1,600", AnswerExtractor.gold("She pays 2*800=<<2*800=1600>>1600\n#### 1,600"));
        assertEquals("\\frac{3}{4}", AnswerExtractor.gold("so it is $\\boxed{\\frac{3}{4}}$."));
        assertEquals("-3", AnswerExtractor.gold(" -3 "));
        assertNull(AnswerExtractor.gold("  "));
        assertNull(AnswerExtractor.gold(null));
    }

    @Test
    void onlyTheChosenSourcesAreUsed() {
        assertNull(AnswerExtractor.extract("The answer is 12", List.of(AnswerSource.ANSWER_TAG)));
    }
}
