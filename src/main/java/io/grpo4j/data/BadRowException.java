package io.grpo4j.data;

import java.nio.file.Path;

/**
 * A dataset row that cannot become a {@link Problem}. The message names the file, the line and
 * (when one is at fault) the field, says what was expected, and ends with what to do.
 */
public final class BadRowException extends IllegalArgumentException {
    private final Path file;
    private final int line;
    private final String field;
    private final String detail;

    /**
     * @param file the dataset file
     * @param line 1-based line number
     * @param field the column at fault, or null when the whole line is
     * @param problem what is wrong, e.g. "is missing"
     */
    public BadRowException(Path file, int line, String field, String problem) {
        super(file + " line " + line + (field == null ? "" : ", field '" + field + "'") + ": " + problem
                + " (fix the row, or set on_bad_row: skip to skip such rows with a warning)");
        this.detail = file + " line " + line + (field == null ? "" : ", field '" + field + "'") + ": " + problem;
        this.file = file;
        this.line = line;
        this.field = field;
    }

    public Path file() {
        return file;
    }

    public int line() {
        return line;
    }

    /** The message without the advice to fix or skip: what a skip warning says. */
    public String detail() {
        return detail;
    }

    /** The column at fault, or null when the whole line is (e.g. malformed JSON). */
    public String field() {
        return field;
    }
}
