package io.grpo4j.data;

/**
 * GSM8K rows {@code {"question", "answer"}} where the answer is a worked solution whose last line
 * is {@code #### <final answer>}, sometimes with thousands separators ({@code #### 1,600}). The
 * gold answer is the text after the last {@code ####}, commas removed.
 */
final class Gsm8kAdapter implements RowAdapter {
    private final FieldMapping mapping;

    Gsm8kAdapter(FieldMapping mapping) {
        this.mapping = mapping;
    }

    @Override
    public Problem adapt(Row row) {
        String answerField = mapping.answerOr("answer");
        return new Problem(
                RowAdapter.id(row, mapping, "id"),
                row.source(),
                row.text(mapping.promptOr("question")),
                finalAnswer(row, answerField),
                row.columns());
    }

    private static String finalAnswer(Row row, String field) {
        String solution = row.text(field);
        int marker = solution.lastIndexOf("####");
        if (marker < 0) {
            throw row.bad(field, "expected a solution ending in '#### <final answer>', found no '####'");
        }
        String gold = solution.substring(marker + 4).trim().replace(",", "");
        if (gold.isEmpty()) {
            throw row.bad(field, "nothing follows the final '####'");
        }
        return gold;
    }
}
