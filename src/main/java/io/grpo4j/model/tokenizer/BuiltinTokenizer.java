package io.grpo4j.model.tokenizer;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * A small word-level tokenizer for arithmetic demos and tests, written as a standard Hugging Face
 * {@code tokenizer.json}: every printable ASCII character, newline and tab is a token (so any
 * ASCII text encodes and decodes back exactly, digit by digit), the words of the R1-Zero prompt
 * are single tokens (with and without a leading space, so the prompt stays short), and
 * {@code <think>}, {@code </think>}, {@code <answer>}, {@code </answer>} are single added tokens.
 * EOS is {@code <|endoftext|>}, padding {@code <|pad|>}.
 */
public final class BuiltinTokenizer {
    public static final String EOS = "<|endoftext|>";
    public static final String PAD = "<|pad|>";
    public static final String UNK = "<|unk|>";
    public static final List<String> TAGS = List.of("<think>", "</think>", "<answer>", "</answer>");

    /** Whole-word tokens: the words of the DeepSeek-R1-Zero prompt, plus a few task words. */
    static final List<String> WORDS = List.of(
            "A", "conversation", "between", "User", "and", "Assistant", "The", "user", "asks", "a", "question",
            "the", "solves", "it", "assistant", "first", "thinks", "about", "reasoning", "process", "in", "mind",
            "then", "provides", "with", "answer", "are", "enclosed", "within", "tags", "respectively", "i", "e",
            "here", "What", "is", "Using", "numbers", "create", "an", "equation", "that", "equals", "You", "can",
            "use", "basic", "arithmetic", "operations", "each", "number", "only", "once", "Show", "your", "work",
            "Return", "final", "for", "example", "of", "to", "be");

    private BuiltinTokenizer() {}

    /** The vocabulary in id order: specials, tags, characters, words, space-prefixed words. */
    static Map<String, Integer> vocabulary() {
        Map<String, Integer> v = new LinkedHashMap<>();
        for (String s : List.of(EOS, PAD, UNK)) {
            v.put(s, v.size());
        }
        for (String t : TAGS) {
            v.put(t, v.size());
        }
        v.put("\n", v.size());
        v.put("\t", v.size());
        for (char c = ' '; c <= '~'; c++) {
            v.put(String.valueOf(c), v.size());
        }
        for (String w : WORDS) {
            if (w.length() > 1) {
                v.putIfAbsent(w, v.size());
            }
            v.putIfAbsent(" " + w, v.size());
        }
        return v;
    }

    /** Writes tokenizer.json and tokenizer_config.json into {@code dir}. */
    public static void write(Path dir) throws IOException {
        Files.createDirectories(dir);
        ObjectMapper om = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);
        Map<String, Integer> vocab = vocabulary();
        ObjectNode root = om.createObjectNode();
        root.put("version", "1.0");
        root.putNull("truncation");
        root.putNull("padding");
        ArrayNode added = root.putArray("added_tokens");
        for (String s : List.of(EOS, PAD, UNK)) {
            addedToken(added, vocab.get(s), s, true);
        }
        for (String t : TAGS) {
            // Not "special": they must survive decode(skip_special_tokens=True), rewards read them.
            addedToken(added, vocab.get(t), t, false);
        }
        root.putNull("normalizer");
        // Words (longest first, optionally with one leading space) are pieces; everything else
        // splits into single characters.
        StringBuilder words = new StringBuilder();
        WORDS.stream().filter(w -> w.length() > 1).sorted((a, b) -> b.length() - a.length())
                .forEach(w -> words.append(words.length() == 0 ? "" : "|").append(Pattern.quote(w).replace("\\Q", "").replace("\\E", "")));
        String regex = " ?(?:" + words + ")(?![A-Za-z])| [A-Za-z](?![A-Za-z])|[\\s\\S]";
        ObjectNode pre = root.putObject("pre_tokenizer");
        pre.put("type", "Split");
        pre.putObject("pattern").put("Regex", regex);
        pre.put("behavior", "Isolated");
        pre.put("invert", false);
        root.putNull("post_processor");
        root.putObject("decoder").put("type", "Fuse");
        ObjectNode model = root.putObject("model");
        model.put("type", "WordLevel");
        ObjectNode v = model.putObject("vocab");
        vocab.forEach(v::put);
        model.put("unk_token", UNK);
        Files.writeString(dir.resolve("tokenizer.json"), om.writeValueAsString(root));

        ObjectNode tc = om.createObjectNode();
        tc.put("tokenizer_class", "PreTrainedTokenizerFast");
        tc.put("eos_token", EOS);
        tc.put("pad_token", PAD);
        tc.put("unk_token", UNK);
        tc.put("model_max_length", 512);
        tc.put("clean_up_tokenization_spaces", false);
        // A plain "Role: content" chat format for instruct-style prompts.
        tc.put("chat_template", "{% for message in messages %}{{ message['role'] | capitalize }}: {{ message['content'] }}\n"
                + "{% endfor %}{% if add_generation_prompt %}Assistant:{% endif %}");
        Files.writeString(dir.resolve("tokenizer_config.json"), om.writeValueAsString(tc));
    }

    private static void addedToken(ArrayNode added, int id, String content, boolean special) {
        ObjectNode t = added.addObject();
        t.put("id", id);
        t.put("content", content);
        t.put("single_word", false);
        t.put("lstrip", false);
        t.put("rstrip", false);
        t.put("normalized", false);
        t.put("special", special);
    }
}
