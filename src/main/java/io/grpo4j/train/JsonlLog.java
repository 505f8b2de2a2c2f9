package io.grpo4j.train;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.List;

/**
 * An append-only JSON-lines log. Each record is written with one {@code write} of a complete
 * line and forced to disk, so a crash leaves at most one half-written last line, which {@link
 * #repairAndTruncate} removes on resume.
 */
public final class JsonlLog implements AutoCloseable {
    private static final ObjectMapper JSON = new ObjectMapper();
    private final Path file;
    private final FileChannel channel;

    public JsonlLog(Path file) throws IOException {
        this.file = file;
        this.channel = FileChannel.open(file, StandardOpenOption.CREATE, StandardOpenOption.WRITE, StandardOpenOption.APPEND);
    }

    public Path file() {
        return file;
    }

    /** Appends records, one line each, then flushes to disk. */
    public void append(List<? extends JsonNode> records) throws IOException {
        if (records.isEmpty()) {
            return;
        }
        StringBuilder sb = new StringBuilder();
        for (JsonNode r : records) {
            sb.append(JSON.writeValueAsString(r)).append('\n');
        }
        ByteBuffer buf = ByteBuffer.wrap(sb.toString().getBytes(StandardCharsets.UTF_8));
        while (buf.hasRemaining()) {
            channel.write(buf);
        }
        channel.force(false);
    }

    public void append(JsonNode record) throws IOException {
        append(List.of(record));
    }

    @Override
    public void close() throws IOException {
        channel.close();
    }

    /**
     * Drops a half-written last line and every record whose {@code step} is at or beyond {@code
     * fromStep}, so a resumed run appends exactly where the checkpoint left off. Returns the
     * number of lines removed. Rewrites through a temporary file and an atomic rename.
     */
    public static int repairAndTruncate(Path file, long fromStep) throws IOException {
        if (!Files.exists(file)) {
            return 0;
        }
        List<String> kept = new ArrayList<>();
        int removed = 0;
        for (String line : Files.readAllLines(file, StandardCharsets.UTF_8)) {
            JsonNode n;
            try {
                n = line.isBlank() ? null : JSON.readTree(line);
            } catch (JsonProcessingException e) {
                n = null; // a half-written line from a crash
            }
            if (n == null || !n.isObject() || (n.has("step") && n.get("step").asLong() >= fromStep)) {
                removed++;
            } else {
                kept.add(line);
            }
        }
        Path tmp = file.resolveSibling(file.getFileName() + ".tmp");
        Files.write(tmp, kept, StandardCharsets.UTF_8);
        Files.move(tmp, file, java.nio.file.StandardCopyOption.REPLACE_EXISTING, java.nio.file.StandardCopyOption.ATOMIC_MOVE);
        return removed;
    }
}
