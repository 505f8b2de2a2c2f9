package io.grpo4j.data;

/**
 * Turns one row of a dataset file into a {@link Problem}. Implementations throw {@link
 * BadRowException} (via {@link Row#bad}) naming the field when the row does not fit.
 */
interface RowAdapter {
    Problem adapt(Row row);

    /**
     * The problem's id: the configured id field (which must then be present), else the format's
     * usual id column when the row has it, else {@code source/line}, which is stable as long as
     * the file is.
     */
    static String id(Row row, FieldMapping mapping, String usualIdField) {
        if (mapping.idField() != null) {
            return row.text(mapping.idField());
        }
        if (usualIdField != null && row.has(usualIdField)) {
            return row.text(usualIdField);
        }
        return row.source() + "/" + row.line();
    }
}
