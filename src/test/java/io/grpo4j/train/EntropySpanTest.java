package io.grpo4j.train;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.grpo4j.model.tokenizer.BuiltinTokenizer;
import io.grpo4j.model.tokenizer.Tokenizer;
import io.grpo4j.testing.Shared;
import java.nio.file.Path;
import java.util.Arrays;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Where grpo.entropy_after starts the entropy bonus, with real tokenizers. */
class EntropySpanTest {
    /** The start index, checked against a linear scan over every prefix. */
    static int startChecked(Tokenizer tok, String completion, String marker) {
        int[] ids = tok.encode(completion, false);
        int start = EntropySpan.start(ids, t -> tok.decode(t, true), marker);
        int linear = ids.length;
        for (int k = 0; k <= ids.length; k++) {
            if (tok.decode(Arrays.copyOf(ids, k), true).contains(marker)) {
                linear = k;
                break;
            }
        }
        assertEquals(linear, start, completion);
        return start;
    }

    @Test
    void theSpanStartsAfterTheTokenThatCompletesTheMarker(@TempDir Path dir) throws Exception {
        BuiltinTokenizer.write(dir);
        try (Tokenizer tok = Tokenizer.load(dir)) {
            // builtin: "</think>" and "<answer>" are single tokens, digits one token each
            String text = "7+5=12</think><answer>12</answer>";
            int start = startChecked(tok, text, "<answer>");
            int[] ids = tok.encode(text, false);
            assertEquals("<answer>", tok.decode(new int[] {ids[start - 1]}, false));
            assertEquals("1", tok.decode(new int[] {ids[start]}, false));
            assertEquals(0, EntropySpan.start(ids, t -> tok.decode(t, true), null)); // no marker: every token
            assertEquals(tok.encode("no tags here", false).length, startChecked(tok, "no tags here", "<answer>")); // absent: none
            assertEquals(ids.length, startChecked(tok, text, "</answer>")); // the marker ends the completion
        }
    }

    @Test
    void aMarkerSplitOverSeveralTokensIsFound() throws Exception {
        try (Tokenizer tok = Tokenizer.load(Shared.tokenizer("qwen2.5"))) {
            String text = "Half of 24 is 12, so</think>\n<answer> 12 </answer>";
            int[] ids = tok.encode(text, false);
            int start = startChecked(tok, text, "<answer>");
            assertTrue(start > 0 && start < ids.length, "start " + start + " of " + ids.length);
            assertTrue(!tok.decode(Arrays.copyOf(ids, start - 1), true).contains("<answer>"), "one token earlier it is incomplete");
        }
    }
}
