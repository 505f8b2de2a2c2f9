package io.grpo4j.reward;

/** Finds the R1 tags in completions. */
final class Tags {
    private Tags() {}

    static int count(String text, String tag) {
        int n = 0;
        for (int at = text.indexOf(tag); at >= 0; at = text.indexOf(tag, at + tag.length())) {
            n++;
        }
        return n;
    }

    /** Content of the last {@code <answer>…</answer>}, or null. */
    static String lastAnswer(String text) {
        int close = text.lastIndexOf("</answer>");
        if (close < 0) {
            return null;
        }
        int open = text.lastIndexOf("<answer>", close);
        return open < 0 ? null : text.substring(open + "<answer>".length(), close);
    }
}
