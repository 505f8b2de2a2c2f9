package io.grpo4j.cli;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.grpo4j.eval.Evaluator;
import io.grpo4j.train.RolloutRecords;
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
        return RolloutRecords.record(0, it.problem(), it.prompt(), it.completion(), it.reward(), null);
    }
}
