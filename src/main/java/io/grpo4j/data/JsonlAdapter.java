package io.grpo4j.data;

/**
 * Any JSONL file: the question and gold answer come from the mapped columns ({@code question} and
 * {@code answer} unless {@code prompt_field} / {@code answer_field} say otherwise), taken as they
 * are (a number answer is written as text, {@code 27.0} → {@code "27"}).
 */
final class JsonlAdapter implements RowAdapter {
    private final FieldMapping mapping;

    JsonlAdapter(FieldMapping mapping) {
        this.mapping = mapping;
    }

    @Override
    public Problem adapt(Row row) {
        return new Problem(
                RowAdapter.id(row, mapping, "id"),
                row.source(),
                row.text(mapping.promptOr("question")),
                row.text(mapping.answerOr("answer")),
                row.columns());
    }
}
