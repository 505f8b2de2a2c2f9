package io.grpo4j.data;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/** Writes problems as JSONL, one object of the problem's columns per line, readable again by {@link Datasets}. */
public final class ProblemFiles {
    private static final ObjectMapper JSON = new ObjectMapper();

    private ProblemFiles() {}

    public static void write(List<Problem> problems, Writer out) throws IOException {
        for (Problem p : problems) {
            out.write(line(p));
            out.write('\n');
        }
        out.flush();
    }

    /** Writes the file (creating its folder), replacing any file already there. */
    public static void write(List<Problem> problems, Path file) throws IOException {
        Path parent = file.toAbsolutePath().getParent();
        if (parent != null) {
            Files.createDirectories(parent);
        }
        try (Writer out = Files.newBufferedWriter(file, StandardCharsets.UTF_8)) {
            write(problems, out);
        }
    }

    private static String line(Problem p) throws JsonProcessingException {
        return JSON.writeValueAsString(p.columns());
    }
}
