package io.grpo4j.report;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.json.JsonReadFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.json.JsonMapper;
import java.io.BufferedReader;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;

/**
 * Reads JSON-lines run files one line at a time. A line that is not a JSON object (the
 * half-written last line of a running or crashed run) is skipped and counted, never fatal.
 * Bare {@code NaN} and {@code Infinity} tokens are accepted, as Jackson may write them.
 */
public final class JsonlReader {
    static final JsonMapper JSON = JsonMapper.builder().enable(JsonReadFeature.ALLOW_NON_NUMERIC_NUMBERS).build();

    private JsonlReader() {}

    /**
     * What a pass over a file found: the number of rows read, the 1-based numbers of the lines
     * that were skipped, and the number of the file's last line.
     */
    public record Pass(Path file, int rows, List<Integer> badLines, int lastLine) {
        /** "1 unreadable line skipped in F (line 31, the last: ...)", or null when every line was read. */
        public String warning() {
            if (badLines.isEmpty()) {
                return null;
            }
            int n = badLines.size();
            if (n == 1 && badLines.get(0) == lastLine) {
                return "1 unreadable line skipped in " + file + " (line " + lastLine
                        + ", the last: half-written by a run that is still going or crashed)";
            }
            StringBuilder lines = new StringBuilder();
            for (int i = 0; i < Math.min(5, n); i++) {
                lines.append(i == 0 ? "" : ", ").append(badLines.get(i));
            }
            return n + " unreadable line" + (n == 1 ? "" : "s") + " skipped in " + file + " (line" + (n == 1 ? " " : "s ")
                    + lines + (n > 5 ? ", ..." : "") + ")";
        }
    }

    /** All rows of a file, in order; blank lines are ignored. */
    public static List<JsonNode> readAll(Path file, List<String> warnings) throws IOException {
        List<JsonNode> rows = new ArrayList<>();
        Pass pass = forEach(file, rows::add);
        if (pass.warning() != null) {
            warnings.add(pass.warning());
        }
        return rows;
    }

    /** Streams the rows of a file to {@code sink} without holding them all. */
    public static Pass forEach(Path file, Consumer<JsonNode> sink) throws IOException {
        List<Integer> bad = new ArrayList<>();
        int rows = 0;
        int lineNumber = 0;
        try (BufferedReader in = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            for (String line = in.readLine(); line != null; line = in.readLine()) {
                lineNumber++;
                if (line.isBlank()) {
                    continue;
                }
                JsonNode node = parse(line);
                if (node == null || !node.isObject()) {
                    bad.add(lineNumber);
                    continue;
                }
                rows++;
                sink.accept(node);
            }
        }
        return new Pass(file, rows, bad, lineNumber);
    }

    private static JsonNode parse(String line) {
        try {
            return JSON.readTree(line);
        } catch (JsonProcessingException e) {
            return null;
        }
    }
}
