package io.grpo4j.data;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;

/**
 * One parsed JSONL line on its way to becoming a {@link Problem}: the columns plus where they
 * came from, so that every complaint can name the file, line and field.
 *
 * @param file the dataset file
 * @param line 1-based line number in the file
 * @param source the {@link Problem#source()} its problem gets
 * @param columns the row's columns as plain Java values
 */
record Row(Path file, int line, String source, Map<String, Object> columns) {

    boolean has(String field) {
        return columns.get(field) != null;
    }

    /** A complaint about this row, naming the field (or null for the whole line). */
    BadRowException bad(String field, String problem) {
        return new BadRowException(file, line, field, problem);
    }

    /** The field's value; it must be present and not null. */
    Object value(String field) {
        if (!columns.containsKey(field)) {
            throw bad(field, "is missing (the row has " + String.join(", ", columns.keySet()) + ")");
        }
        Object v = columns.get(field);
        if (v == null) {
            throw bad(field, "is null");
        }
        return v;
    }

    /** The field as non-blank text; numbers and booleans are accepted and written as text. */
    String text(String field) {
        Object v = value(field);
        if (v instanceof Map || v instanceof List) {
            throw bad(field, "expected text or a number, found " + Values.display(v));
        }
        String s = Values.display(v);
        if (s.isBlank()) {
            throw bad(field, "is empty");
        }
        return s;
    }

    /** The field as an exact integer (a JSON integer, an integral float, or digits in a string). */
    long integer(String field) {
        Object v = value(field);
        if (v instanceof Long) {
            return (Long) v;
        }
        if (v instanceof Double && (Double) v == Math.rint((Double) v) && Math.abs((Double) v) < 1e15) {
            return (long) (double) (Double) v;
        }
        if (v instanceof String && ((String) v).trim().matches("[+-]?\\d{1,18}")) {
            return Long.parseLong(((String) v).trim());
        }
        throw bad(field, "expected an integer, found " + Values.display(v));
    }

    /** The field as a non-empty list of exact integers. */
    List<Long> integers(String field) {
        Object v = value(field);
        if (!(v instanceof List) || ((List<?>) v).isEmpty()) {
            throw bad(field, "expected a non-empty list of integers, found " + Values.display(v));
        }
        List<?> list = (List<?>) v;
        Long[] out = new Long[list.size()];
        for (int i = 0; i < out.length; i++) {
            if (!(list.get(i) instanceof Long)) {
                throw bad(field, "expected a list of integers, item " + i + " is " + Values.display(list.get(i)));
            }
            out[i] = (Long) list.get(i);
        }
        return List.of(out);
    }
}
