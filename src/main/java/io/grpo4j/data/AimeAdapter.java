package io.grpo4j.data;

import java.math.BigDecimal;

/**
 * Competition rows (AIME, AMC) {@code {"problem" or "question", "answer"}} with a numeric answer
 * written in several ways: {@code "025"}, {@code 27.0}, {@code -1.0}. The gold answer is the
 * plain number: {@code "25"}, {@code "27"}, {@code "-1"}.
 */
final class AimeAdapter implements RowAdapter {
    private final FieldMapping mapping;

    AimeAdapter(FieldMapping mapping) {
        this.mapping = mapping;
    }

    @Override
    public Problem adapt(Row row) {
        String promptField = mapping.promptField() != null
                ? mapping.promptField()
                : (row.has("problem") || !row.has("question") ? "problem" : "question");
        return new Problem(
                RowAdapter.id(row, mapping, "id"),
                row.source(),
                row.text(promptField),
                numericAnswer(row, mapping.answerOr("answer")),
                row.columns());
    }

    private static String numericAnswer(Row row, String field) {
        String text = row.text(field).trim();
        try {
            return plain(text);
        } catch (NumberFormatException e) {
            throw row.bad(field, "expected a number, found '" + text + "'");
        }
    }

    /** Exact plain form of a decimal string: "025" → "25", "27.0" → "27", "-1.50" → "-1.5". */
    private static String plain(String decimal) {
        BigDecimal d = new BigDecimal(decimal).stripTrailingZeros();
        return d.signum() == 0 ? "0" : d.toPlainString();
    }
}
