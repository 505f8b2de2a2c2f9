package io.grpo4j.data;

/**
 * Which columns hold the question, the answer and the id. A null entry means "the format's usual
 * column" (e.g. {@code problem} for MATH, {@code question} for GSM8K and generic JSONL).
 *
 * @param promptField column with the question text
 * @param answerField column with the gold answer
 * @param idField column with a stable id
 */
record FieldMapping(String promptField, String answerField, String idField) {
    static final FieldMapping USUAL = new FieldMapping(null, null, null);

    String promptOr(String usual) {
        return promptField != null ? promptField : usual;
    }

    String answerOr(String usual) {
        return answerField != null ? answerField : usual;
    }
}
