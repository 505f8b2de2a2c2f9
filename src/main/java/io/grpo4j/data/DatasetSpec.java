package io.grpo4j.data;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import java.util.List;

/**
 * Where problems come from and how to read them.
 *
 * @param path JSONL file (relative paths resolve against the run's base directory)
 * @param format gsm8k | math | aime | countdown | arithmetic | jsonl
 * @param promptField column holding the question (jsonl; other formats know theirs)
 * @param answerField column holding the gold answer (jsonl)
 * @param idField column holding a stable id (default: source:line)
 * @param limit read at most this many rows (0 = all)
 * @param evalFraction hold out this fraction (seeded) as the eval split when no separate eval file is given
 * @param seed seed of the held-out split
 * @param onBadRow error | skip (skip warns and counts)
 */
@JsonInclude(JsonInclude.Include.ALWAYS)
public record DatasetSpec(
        @JsonProperty("path") String path,
        @JsonProperty("format") String format,
        @JsonProperty("prompt_field") String promptField,
        @JsonProperty("answer_field") String answerField,
        @JsonProperty("id_field") String idField,
        @JsonProperty("limit") int limit,
        @JsonProperty("eval_fraction") double evalFraction,
        @JsonProperty("seed") long seed,
        @JsonProperty("on_bad_row") String onBadRow) {

    public static final List<String> FORMATS = List.of("gsm8k", "math", "aime", "countdown", "arithmetic", "jsonl");

    public DatasetSpec {
        format = format == null ? "jsonl" : format;
        onBadRow = onBadRow == null ? "error" : onBadRow;
        if (path == null || path.isBlank()) {
            throw new IllegalArgumentException("dataset path is required");
        }
        if (!FORMATS.contains(format)) {
            throw new IllegalArgumentException("dataset format '" + format + "' is unknown; use one of " + FORMATS);
        }
        if (!List.of("error", "skip").contains(onBadRow)) {
            throw new IllegalArgumentException("on_bad_row must be error or skip, got '" + onBadRow + "'");
        }
        if (limit < 0) {
            throw new IllegalArgumentException("dataset limit must be >= 0 (0 = all), got " + limit);
        }
        if (!(evalFraction >= 0 && evalFraction < 1)) {
            throw new IllegalArgumentException("eval_fraction must be in [0, 1), got " + evalFraction);
        }
    }

    public static DatasetSpec of(String path, String format) {
        return new DatasetSpec(path, format, null, null, null, 0, 0, 0, null);
    }
}
