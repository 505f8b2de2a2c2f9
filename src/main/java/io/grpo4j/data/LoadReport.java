package io.grpo4j.data;

import java.nio.file.Path;
import java.util.List;

/**
 * What reading one dataset file gave.
 *
 * @param file the file read
 * @param problems the problems, in file order
 * @param skipped one message (file, line, field, reason) per row left out under {@code
 *     on_bad_row: skip}; empty under {@code error}
 */
public record LoadReport(Path file, List<Problem> problems, List<String> skipped) {
    public LoadReport {
        problems = List.copyOf(problems);
        skipped = List.copyOf(skipped);
    }
}
