package io.grpo4j.cli;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.grpo4j.eval.Evaluator;
import io.grpo4j.train.Monologue;
import java.io.BufferedWriter;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;

/**
 * {@code eval --completions FILE}: every evaluated completion as a JSON line in the layout of a
 * run's rollouts.jsonl (step 0, no advantage), so {@code grpo4j inspect} reads it. Written to a
 * temporary file and moved into place, so a crash never leaves half a file.
 */
final class EvalCompletions {
    private static final ObjectMapper JSON = new ObjectMapper();

    private EvalCompletions() {}

    static void write(Path file, Evaluator.Result r) throws IOException {
        Path dir = file.toAbsolutePath().getParent();
        Files.createDirectories(dir);
        Path tmp = Files.createTempFile(dir, file.getFileName().toString(), ".tmp");
        try (BufferedWriter w = Files.newBufferedWriter(tmp, StandardCharsets.UTF_8)) {
            for (Evaluator.Item it : r.items()) {
                w.write(JSON.writeValueAsString(record(it)));
                w.newLine();
            }
        } catch (IOException | RuntimeException e) {
            Files.deleteIfExists(tmp);
            throw e;
        }
        Files.move(tmp, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
    }

    static ObjectNode record(Evaluator.Item it) {
        ObjectNode o = JSON.createObjectNode();
        o.put("step", 0);
        o.put("prompt_id", it.problem().id());
        o.put("source", it.problem().source());
        o.put("sample", it.completion().sampleIndex());
        o.put("prompt", it.prompt());
        o.put("completion", it.completion().text());
        String[] parts = Monologue.split(it.completion().text());
        o.put("think", parts[0]);
        o.put("answer", parts[1]);
        o.put("gold", it.problem().answer());
        ObjectNode rewards = o.putObject("rewards");
        it.reward().scores().forEach((k, v) -> {
            if (v == null || v.isNaN()) {
                rewards.putNull(k);
            } else {
                rewards.put(k, v);
            }
        });
        ObjectNode reasons = o.putObject("reasons");
        it.reward().reasons().forEach((k, v) -> {
            if (v != null) {
                reasons.put(k, v);
            }
        });
        o.put("reward", it.reward().total());
        o.putNull("advantage");
        o.put("length", it.completion().tokenIds().length);
        o.put("finish_reason", it.completion().finishReason().json());
        return o;
    }
}
