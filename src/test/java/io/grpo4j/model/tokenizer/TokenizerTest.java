package io.grpo4j.model.tokenizer;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.grpo4j.testing.Shared;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class TokenizerTest {
    static final String R1 = "A conversation between User and Assistant. The user asks a question, and the Assistant solves it. "
            + "The assistant first thinks about the reasoning process in the mind and then provides the user with the answer. "
            + "The reasoning process and answer are enclosed within <think> </think> and <answer> </answer> tags, respectively, "
            + "i.e., <think> reasoning process here </think> <answer> answer here </answer>. User: 37+5. Assistant: <think>";

    @Test
    void builtinTokenizerRoundTripsAndKeepsDigitsAndTagsSingle(@TempDir Path dir) throws IOException {
        BuiltinTokenizer.write(dir);
        try (Tokenizer t = Tokenizer.load(dir)) {
            for (String s : new String[] {R1, "<think>37+5=42</think> <answer>42</answer>", "12 - 9 = 3\n\tok?", "x=-17"}) {
                assertEquals(s, t.decode(t.encode(s, false), false), "round trip");
            }
            int[] ids = t.encode("<think>37+5=42</think><answer>42</answer>", false);
            // <think> 3 7 + 5 = 4 2 </think> <answer> 4 2 </answer>
            assertEquals(13, ids.length);
            assertEquals(t.addedTokenId("<think>"), ids[0]);
            assertEquals(t.addedTokenId("</answer>"), ids[12]);
            assertTrue(t.encode(R1, false).length < 110, "R1 prompt in words, got " + t.encode(R1, false).length);
            assertEquals(List.of(t.addedTokenId(BuiltinTokenizer.EOS)), t.eosTokenIds());
            assertEquals(t.addedTokenId(BuiltinTokenizer.PAD), t.padTokenId());
            assertTrue(t.vocabSize() <= 256, "vocab " + t.vocabSize());
            // EOS disappears when special tokens are skipped; tags do not
            int[] withEos = t.encode("<answer>4</answer>" + BuiltinTokenizer.EOS, false);
            assertEquals("<answer>4</answer>", t.decode(withEos, true));
        }
    }

    @Test
    void qwenTokenizerRoundTripAndChatTemplate() throws IOException {
        try (Tokenizer t = Tokenizer.load(Shared.tokenizer("qwen2.5"))) {
            String s = "Natalia sold 48/2 = 24 clips in May. \\boxed{72} 你好";
            assertEquals(s, t.decode(t.encode(s, false), false));
            assertArrayEquals(new int[] {9707, 11, 1879, 0}, t.encode("Hello, world!", false));
            assertEquals(List.of(151645, 151643), t.eosTokenIds());
            String rendered = t.chatTemplate().render(List.of(
                    Map.of("role", "system", "content", "You are a helpful assistant."),
                    Map.of("role", "user", "content", "What is 2+3?")), true);
            assertEquals("<|im_start|>system\nYou are a helpful assistant.<|im_end|>\n"
                    + "<|im_start|>user\nWhat is 2+3?<|im_end|>\n<|im_start|>assistant\n", rendered);
        }
    }

    @Test
    void llama3TokenizerRoundTripAndChatTemplate() throws IOException {
        try (Tokenizer t = Tokenizer.load(Shared.tokenizer("llama3"))) {
            String s = "The answer is 1,600 dollars.";
            assertEquals(s, t.decode(t.encode(s, false), false));
            String rendered = t.chatTemplate().render(List.of(
                    Map.of("role", "system", "content", "Be brief."),
                    Map.of("role", "user", "content", "What is 2+3?")), true);
            assertEquals("<|begin_of_text|><|start_header_id|>system<|end_header_id|>\n\nBe brief.<|eot_id|>"
                    + "<|start_header_id|>user<|end_header_id|>\n\nWhat is 2+3?<|eot_id|>"
                    + "<|start_header_id|>assistant<|end_header_id|>\n\n", rendered);
        }
    }

    @Test
    void brokenTokenizerJsonNamesTheFile(@TempDir Path dir) throws IOException {
        Files.writeString(dir.resolve("tokenizer.json"), "{\"model\": ");
        IOException e = assertThrows(IOException.class, () -> Tokenizer.load(dir));
        assertTrue(e.getMessage().startsWith(dir.resolve("tokenizer.json") + ": not valid JSON"), e.getMessage());
        IOException missing = assertThrows(IOException.class, () -> Tokenizer.load(dir.resolve("nope")));
        assertTrue(missing.getMessage().startsWith("no tokenizer.json in "), missing.getMessage());
    }
}
