package io.grpo4j.data;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;

/**
 * One problem of a dataset, the unit the trainer samples and the reward rules score.
 *
 * @param id stable identifier, unique within its file (the row's id field when it has one, else
 *     {@code source/line})
 * @param source where it came from, {@code <folder>/<file stem>}, e.g. {@code gsm8k/test}
 * @param question the text the prompt template puts where {@code {question}} stands
 * @param answer the gold final answer, normalised by the adapter (GSM8K: after {@code ####},
 *     commas removed; MATH: {@code answer} or the last {@code \boxed{}}; AIME: {@code "025"} →
 *     {@code "25"}, {@code 27.0} → {@code "27"})
 * @param columns every column of the row as plain Java values (String, Long/Double, Boolean,
 *     List, Map; JSON null stays null), in file order; unmodifiable
 */
public record Problem(String id, String source, String question, String answer, Map<String, Object> columns) {
    public Problem {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(source, "source");
        Objects.requireNonNull(question, "question");
        Objects.requireNonNull(answer, "answer");
        // LinkedHashMap rather than Map.copyOf: keeps column order and allows JSON nulls.
        columns = Collections.unmodifiableMap(new LinkedHashMap<>(Objects.requireNonNull(columns, "columns")));
    }
}
