package io.grpo4j.data;

import com.fasterxml.jackson.annotation.JsonProperty;
import java.util.List;

/**
 * Which dataset to read and how: the {@code data} section of a run config. JSON/YAML names are
 * snake_case; absent entries take the defaults below.
 *
 * @param path JSONL file, relative paths resolved against the config's folder (required)
 * @param format row layout, one of {@link #FORMATS} (default {@code jsonl})
 * @param promptField column holding the question; null: the format's usual one
 * @param answerField column holding the gold answer; null: the format's usual one
 * @param idField column holding a stable id; null: the format's usual one if the row has it,
 *     else {@code source/line}
 * @param limit read at most this many problems from {@code path} (before any held-out split);
 *     null: all
 * @param evalPath separate JSONL file of evaluation problems (same format and mapping); null: none
 * @param evalFraction fraction of {@code path} held out for evaluation, chosen with {@code seed};
 *     0: none. Exclusive with {@code evalPath}
 * @param seed seed of the held-out choice
 * @param onBadRow {@code error} (default): a bad row stops the load with file/line/field;
 *     {@code skip}: it is left out with a warning and counted
 */
public record DatasetSpec(
        @JsonProperty("path") String path,
        @JsonProperty("format") String format,
        @JsonProperty("prompt_field") String promptField,
        @JsonProperty("answer_field") String answerField,
        @JsonProperty("id_field") String idField,
        @JsonProperty("limit") Integer limit,
        @JsonProperty("eval_path") String evalPath,
        @JsonProperty("eval_fraction") double evalFraction,
        @JsonProperty("seed") long seed,
        @JsonProperty("on_bad_row") String onBadRow) {

    public static final List<String> FORMATS = DatasetFormat.NAMES;
    public static final List<String> ON_BAD_ROW = List.of("error", "skip");
    public static final String DEFAULT_FORMAT = "jsonl";
    public static final String DEFAULT_ON_BAD_ROW = "error";

    public DatasetSpec {
        if (path == null || path.isBlank()) {
            throw new IllegalArgumentException("dataset 'path' is missing: give the JSONL file of training problems");
        }
        format = format == null ? DEFAULT_FORMAT : DatasetFormat.of(format).configName;
        onBadRow = onBadRow == null ? DEFAULT_ON_BAD_ROW : onBadRow;
        if (!ON_BAD_ROW.contains(onBadRow)) {
            throw new IllegalArgumentException("dataset 'on_bad_row' is '" + onBadRow + "': use one of "
                    + String.join(", ", ON_BAD_ROW));
        }
        requireNonBlankIfSet("prompt_field", promptField);
        requireNonBlankIfSet("answer_field", answerField);
        requireNonBlankIfSet("id_field", idField);
        requireNonBlankIfSet("eval_path", evalPath);
        if (limit != null && limit < 1) {
            throw new IllegalArgumentException("dataset 'limit' must be at least 1 (leave it out to read every row), got " + limit);
        }
        if (!(evalFraction >= 0 && evalFraction < 1)) {
            throw new IllegalArgumentException("dataset 'eval_fraction' must be in [0, 1), got " + evalFraction);
        }
        if (evalPath != null && evalFraction > 0) {
            throw new IllegalArgumentException("dataset has both 'eval_path' and 'eval_fraction': set one of them");
        }
    }

    /** A spec with every default: the whole file, no evaluation split, bad rows are errors. */
    public static DatasetSpec of(String path, String format) {
        return new DatasetSpec(path, format, null, null, null, null, null, 0, 0, null);
    }

    /**
     * The shipped arithmetic set ({@code datasets/arithmetic}), train and test: what the
     * embedded default run trains on.
     */
    public static DatasetSpec defaults() {
        return new DatasetSpec("datasets/arithmetic/train.jsonl", "arithmetic", null, null, null, null,
                "datasets/arithmetic/test.jsonl", 0, 0, null);
    }

    public DatasetSpec withLimit(Integer newLimit) {
        return new DatasetSpec(path, format, promptField, answerField, idField, newLimit, evalPath, evalFraction, seed, onBadRow);
    }

    public DatasetSpec withEvalFraction(double fraction, long newSeed) {
        return new DatasetSpec(path, format, promptField, answerField, idField, limit, evalPath, fraction, newSeed, onBadRow);
    }

    public DatasetSpec withOnBadRow(String policy) {
        return new DatasetSpec(path, format, promptField, answerField, idField, limit, evalPath, evalFraction, seed, policy);
    }

    public DatasetSpec withFields(String prompt, String answer, String id) {
        return new DatasetSpec(path, format, prompt, answer, id, limit, evalPath, evalFraction, seed, onBadRow);
    }

    boolean skipBadRows() {
        return onBadRow.equals("skip");
    }

    FieldMapping fieldMapping() {
        return new FieldMapping(promptField, answerField, idField);
    }

    private static void requireNonBlankIfSet(String name, String value) {
        if (value != null && value.isBlank()) {
            throw new IllegalArgumentException("dataset '" + name + "' is empty: leave it out or name a column");
        }
    }
}
