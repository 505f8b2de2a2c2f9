package io.grpo4j.data;

/** Finds the last {@code \boxed{…}} (or {@code \fbox{…}}) with balanced braces. */
public final class Boxed {
    private Boxed() {}

    /** Content of the last boxed expression, or null. */
    public static String last(String text) {
        int at = Math.max(text.lastIndexOf("\\boxed"), text.lastIndexOf("\\fbox"));
        if (at < 0) {
            return null;
        }
        int open = text.indexOf('{', at);
        if (open < 0) {
            return null;
        }
        int depth = 0;
        for (int i = open; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c == '{') {
                depth++;
            } else if (c == '}') {
                depth--;
                if (depth == 0) {
                    return text.substring(open + 1, i);
                }
            }
        }
        return null;
    }
}
