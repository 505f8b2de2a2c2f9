package io.grpo4j.model.tokenizer;

import ai.djl.huggingface.tokenizers.HuggingFaceTokenizer;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * A Hugging Face tokenizer read from a model directory: {@code tokenizer.json} through DJL's
 * bindings to the Rust tokenizers library, with special tokens, EOS ids and the chat template
 * from {@code tokenizer_config.json}, {@code generation_config.json} and {@code config.json}.
 */
public final class Tokenizer implements AutoCloseable {
    private static final ObjectMapper JSON = new ObjectMapper();

    private final HuggingFaceTokenizer hf;
    private final Path dir;
    private final Map<String, Integer> addedTokens;
    private final int vocabSize;
    private final List<Integer> eosTokenIds;
    private final int padTokenId;
    private final String bosToken;
    private final String eosToken;
    private final ChatTemplate chatTemplate; // null when the tokenizer has none

    private Tokenizer(HuggingFaceTokenizer hf, Path dir, Map<String, Integer> addedTokens, int vocabSize,
            List<Integer> eosTokenIds, int padTokenId, String bosToken, String eosToken, ChatTemplate chatTemplate) {
        this.hf = hf;
        this.dir = dir;
        this.addedTokens = addedTokens;
        this.vocabSize = vocabSize;
        this.eosTokenIds = List.copyOf(eosTokenIds);
        this.padTokenId = padTokenId;
        this.bosToken = bosToken;
        this.eosToken = eosToken;
        this.chatTemplate = chatTemplate;
    }

    /** Loads {@code dir/tokenizer.json} (and the optional config files beside it). */
    public static Tokenizer load(Path dir) throws IOException {
        Path file = dir.resolve("tokenizer.json");
        if (!Files.isRegularFile(file)) {
            throw new IOException("no tokenizer.json in " + dir + ": copy the model's tokenizer files there");
        }
        JsonNode tj;
        try {
            tj = JSON.readTree(file.toFile());
        } catch (JsonProcessingException e) {
            throw new IOException(file + ": not valid JSON: " + e.getOriginalMessage());
        }
        if (tj == null || !tj.has("model")) {
            throw new IOException(file + ": not a Hugging Face tokenizer (no \"model\" section)");
        }
        Map<String, Integer> added = new HashMap<>();
        int maxId = -1;
        for (JsonNode t : tj.path("added_tokens")) {
            added.put(t.path("content").asText(), t.path("id").asInt());
            maxId = Math.max(maxId, t.path("id").asInt());
        }
        for (JsonNode id : iterable(tj.path("model").path("vocab"))) {
            maxId = Math.max(maxId, id.asInt());
        }
        JsonNode tc = readOptional(dir.resolve("tokenizer_config.json"));
        JsonNode gc = readOptional(dir.resolve("generation_config.json"));
        JsonNode mc = readOptional(dir.resolve("config.json"));
        String eos = tokenText(tc.get("eos_token"));
        String bos = tokenText(tc.get("bos_token"));
        String pad = tokenText(tc.get("pad_token"));
        Set<Integer> eosIds = new LinkedHashSet<>();
        ids(gc.get("eos_token_id"), eosIds);
        if (eosIds.isEmpty()) {
            ids(mc.get("eos_token_id"), eosIds);
        }
        if (eos != null && added.containsKey(eos)) {
            eosIds.add(added.get(eos));
        }
        int padId = pad != null && added.containsKey(pad) ? added.get(pad)
                : gc.hasNonNull("pad_token_id") ? gc.get("pad_token_id").asInt()
                : eosIds.isEmpty() ? 0 : eosIds.iterator().next();
        Map<String, String> options = Map.of(
                "addSpecialTokens", "false", "truncation", "false", "padding", "false", "maxLength", "-1");
        HuggingFaceTokenizer hf;
        try {
            hf = HuggingFaceTokenizer.newInstance(file, options);
        } catch (RuntimeException e) {
            throw new IOException(file + ": the tokenizers library cannot load it: " + e.getMessage(), e);
        }
        ChatTemplate template = tc.hasNonNull("chat_template")
                ? new ChatTemplate(chatTemplateText(tc.get("chat_template")), bos == null ? "" : bos, eos == null ? "" : eos)
                : null;
        return new Tokenizer(hf, dir, added, maxId + 1, new ArrayList<>(eosIds), padId, bos, eos, template);
    }

    private static Iterable<JsonNode> iterable(JsonNode n) {
        List<JsonNode> out = new ArrayList<>();
        n.elements().forEachRemaining(out::add);
        return out;
    }

    private static String chatTemplateText(JsonNode n) {
        if (n.isTextual()) {
            return n.asText();
        }
        // Some tokenizers ship a list of named templates: take "default".
        for (JsonNode t : n) {
            if ("default".equals(t.path("name").asText())) {
                return t.path("template").asText();
            }
        }
        return n.get(0).path("template").asText();
    }

    private static JsonNode readOptional(Path p) throws IOException {
        if (!Files.isRegularFile(p)) {
            return JSON.createObjectNode();
        }
        try {
            return JSON.readTree(p.toFile());
        } catch (JsonProcessingException e) {
            throw new IOException(p + ": not valid JSON: " + e.getOriginalMessage());
        }
    }

    private static String tokenText(JsonNode n) {
        if (n == null || n.isNull()) {
            return null;
        }
        return n.isObject() ? n.path("content").asText(null) : n.asText();
    }

    private static void ids(JsonNode n, Set<Integer> out) {
        if (n == null || n.isNull()) {
            return;
        }
        if (n.isArray()) {
            n.forEach(x -> out.add(x.asInt()));
        } else {
            out.add(n.asInt());
        }
    }

    /** Token ids of {@code text}; {@code addSpecialTokens} adds what the tokenizer's post-processor adds (BOS…). */
    public int[] encode(String text, boolean addSpecialTokens) {
        long[] ids = hf.encode(text, addSpecialTokens, false).getIds();
        int[] out = new int[ids.length];
        for (int i = 0; i < ids.length; i++) {
            out[i] = (int) ids[i];
        }
        return out;
    }

    public String decode(int[] ids, boolean skipSpecialTokens) {
        long[] l = new long[ids.length];
        for (int i = 0; i < ids.length; i++) {
            l[i] = ids[i];
        }
        return hf.decode(l, skipSpecialTokens);
    }

    /** Number of ids (largest id + 1), which the embedding must cover. */
    public int vocabSize() {
        return vocabSize;
    }

    public List<Integer> eosTokenIds() {
        return eosTokenIds;
    }

    public int padTokenId() {
        return padTokenId;
    }

    /** The id of an added (special or not) token, or -1. */
    public int addedTokenId(String content) {
        return addedTokens.getOrDefault(content, -1);
    }

    public String bosToken() {
        return bosToken;
    }

    public String eosToken() {
        return eosToken;
    }

    /** The model's chat template, or null when tokenizer_config.json has none. */
    public ChatTemplate chatTemplate() {
        return chatTemplate;
    }

    /** The folder it was read from (its files are copied into saved model directories). */
    public Path directory() {
        return dir;
    }

    @Override
    public void close() {
        hf.close();
    }
}
