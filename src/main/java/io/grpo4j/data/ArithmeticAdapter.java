package io.grpo4j.data;

/**
 * Rows written by {@code grpo4j data arithmetic}: {@code {"id", "question", "answer", "a", "b",
 * "op"}}. The answer is checked against {@code a op b}, so a hand-edited row that no longer adds
 * up is reported instead of teaching the model a wrong sum.
 */
final class ArithmeticAdapter implements RowAdapter {
    private final FieldMapping mapping;

    ArithmeticAdapter(FieldMapping mapping) {
        this.mapping = mapping;
    }

    @Override
    public Problem adapt(Row row) {
        String answerField = mapping.answerOr("answer");
        long answer = row.integer(answerField);
        long a = row.integer("a");
        long b = row.integer("b");
        String op = row.text("op");
        Long expected = ArithmeticGenerator.apply(a, op, b);
        if (expected == null) {
            throw row.bad("op", "expected one of + - * / (exact division), found '" + op + "' for " + a + " and " + b);
        }
        if (expected != answer) {
            throw row.bad(answerField, "is " + answer + " but " + a + op + b + " = " + expected);
        }
        return new Problem(
                RowAdapter.id(row, mapping, "id"),
                row.source(),
                row.text(mapping.promptOr("question")),
                Long.toString(answer),
                row.columns());
    }
}
