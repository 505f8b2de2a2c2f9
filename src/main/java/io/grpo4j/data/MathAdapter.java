package io.grpo4j.data;

/**
 * MATH and MATH-500 rows {@code {"problem", "solution", "answer", ...}}. The gold answer is the
 * {@code answer} column; older MATH rows have only a {@code solution}, and then the gold is the
 * content of its last {@code \boxed{...}} (or {@code \fbox{...}}).
 */
final class MathAdapter implements RowAdapter {
    private final FieldMapping mapping;

    MathAdapter(FieldMapping mapping) {
        this.mapping = mapping;
    }

    @Override
    public Problem adapt(Row row) {
        return new Problem(
                RowAdapter.id(row, mapping, "unique_id"),
                row.source(),
                row.text(mapping.promptOr("problem")),
                goldAnswer(row),
                row.columns());
    }

    private String goldAnswer(Row row) {
        if (mapping.answerField() != null) {
            return row.text(mapping.answerField());
        }
        if (row.has("answer") && !Values.display(row.columns().get("answer")).isBlank()) {
            return row.text("answer");
        }
        if (!row.has("solution")) {
            throw row.bad("answer", "is missing and there is no 'solution' to take the last \\boxed{} from");
        }
        String boxed = lastBoxed(row.text("solution"));
        if (boxed == null) {
            throw row.bad("solution", "has no \\boxed{...} answer, and the row has no 'answer' field");
        }
        return boxed;
    }

    /**
     * The content of the last {@code \boxed{...}} or {@code \fbox{...}} in the text, braces
     * balanced ({@code \boxed{\frac{1}{2}}} → {@code \frac{1}{2}}); also the brace-less form
     * {@code \boxed 5}. Null when there is none or its braces never close.
     */
    static String lastBoxed(String text) {
        int start = Math.max(text.lastIndexOf("\\boxed"), text.lastIndexOf("\\fbox"));
        if (start < 0) {
            return null;
        }
        int i = start + (text.startsWith("\\boxed", start) ? "\\boxed".length() : "\\fbox".length());
        if (i < text.length() && text.charAt(i) == ' ') {
            // "\boxed 5": the answer runs to the next space or dollar sign.
            int end = i + 1;
            while (end < text.length() && text.charAt(end) != '$' && !Character.isWhitespace(text.charAt(end))) {
                end++;
            }
            String s = text.substring(i + 1, end).trim();
            return s.isEmpty() ? null : s;
        }
        if (i >= text.length() || text.charAt(i) != '{') {
            return null;
        }
        int depth = 0;
        for (int j = i; j < text.length(); j++) {
            char c = text.charAt(j);
            if (c == '{') {
                depth++;
            } else if (c == '}') {
                depth--;
                if (depth == 0) {
                    return text.substring(i + 1, j).trim();
                }
            }
        }
        return null;
    }
}
