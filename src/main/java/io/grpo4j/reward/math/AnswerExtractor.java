package io.grpo4j.reward.math;

import java.util.List;

/**
 * Finds the final answer in a completion or a gold answer. Every scan is linear in the text and
 * checks the {@link Budget}; nothing is evaluated here.
 */
public final class AnswerExtractor {
    private static final String OPEN = "<answer>";
    private static final String CLOSE = "</answer>";
    private static final String[] BOX_COMMANDS = {"\\boxed", "\\fbox", "\\framebox"};
    private static final String[] ANSWER_IS = {"the answer is", "final answer is", "####"};

    private AnswerExtractor() {}

    /** An answer and where it was found. */
    public record Extracted(String text, AnswerSource source) {}

    /** The first source in {@code order} that yields an answer, or null when none does. */
    public static Extracted extract(String completion, List<AnswerSource> order) {
        for (AnswerSource source : order) {
            String found = switch (source) {
                case ANSWER_TAG -> answerTag(completion);
                case BOXED -> lastBoxed(completion);
                case ANSWER_IS -> answerIs(completion);
                case LAST_NUMBER -> lastNumber(completion);
            };
            if (found != null && !found.isBlank()) {
                return new Extracted(found.strip(), source);
            }
        }
        return null;
    }

    /**
     * The gold answer inside a dataset's answer field: the text after the last "####" (GSM8K), else
     * the last {@code \boxed{}} (MATH solutions), else the whole field. Null when blank.
     */
    public static String gold(String answer) {
        if (answer == null || answer.isBlank()) {
            return null;
        }
        int hashes = answer.lastIndexOf("####");
        if (hashes >= 0) {
            String rest = answer.substring(hashes + 4);
            int newline = rest.indexOf('\n');
            rest = (newline >= 0 ? rest.substring(0, newline) : rest).strip();
            return rest.isEmpty() ? null : rest;
        }
        String boxed = lastBoxed(answer);
        return boxed != null && !boxed.isBlank() ? boxed.strip() : answer.strip();
    }

    /**
     * The content of the last complete {@code <answer>…</answer>} block; if that content holds a
     * {@code \boxed{}}, the boxed part. Null when there is no closed block.
     */
    public static String answerTag(String text) {
        int close = text.lastIndexOf(CLOSE);
        if (close < 0) {
            return null;
        }
        int open = text.lastIndexOf(OPEN, close);
        if (open < 0) {
            return null;
        }
        String content = text.substring(open + OPEN.length(), close);
        String boxed = lastBoxed(content);
        return boxed != null ? boxed : content;
    }

    /** How many times {@code tag} occurs in {@code text}. */
    public static int count(String text, String tag) {
        int n = 0;
        for (int i = text.indexOf(tag); i >= 0; i = text.indexOf(tag, i + tag.length())) {
            n++;
        }
        return n;
    }

    /**
     * The content of the last {@code \boxed{…}} / {@code \fbox{…}} whose braces balance (an
     * unbalanced one, as in a truncated completion, is skipped for an earlier one). Also accepts
     * {@code \boxed 5}. Null when there is none.
     */
    public static String lastBoxed(String text) {
        int searchEnd = text.length();
        while (true) {
            int at = -1;
            String command = null;
            for (String c : BOX_COMMANDS) {
                int i = text.lastIndexOf(c, searchEnd);
                if (i > at) {
                    at = i;
                    command = c;
                }
            }
            if (at < 0) {
                return null;
            }
            String content = boxContent(text, at + command.length());
            if (content != null) {
                return content;
            }
            if (at == 0) {
                return null;
            }
            searchEnd = at - 1;
        }
    }

    /** The argument starting at {@code from}: a balanced {...} group, or a bare token. */
    private static String boxContent(String text, int from) {
        int i = from;
        while (i < text.length() && text.charAt(i) == ' ') {
            i++;
        }
        if (i >= text.length()) {
            return null;
        }
        if (text.charAt(i) == '{') {
            int depth = 0;
            for (int j = i; j < text.length(); j++) {
                if ((j & 1023) == 0) {
                    Budget.check();
                }
                char c = text.charAt(j);
                if (c == '\\' && j + 1 < text.length()) {
                    j++; // an escaped brace \{ or \} does not open or close the group
                    continue;
                }
                if (c == '{') {
                    depth++;
                } else if (c == '}' && --depth == 0) {
                    return text.substring(i + 1, j);
                }
            }
            return null;
        }
        if (i == from) {
            return null; // "\boxedx" is another command, not \boxed followed by a token
        }
        int end = i;
        while (end < text.length() && !Character.isWhitespace(text.charAt(end)) && text.charAt(end) != '$') {
            end++;
        }
        return end > i ? text.substring(i, end) : null;
    }

    /**
     * What follows the last "the answer is" / "final answer is" / "####" (case-insensitive), up
     * to the end of its line or sentence. Null when there is none.
     */
    public static String answerIs(String text) {
        int best = -1;
        int bestEnd = -1;
        for (String phrase : ANSWER_IS) {
            int i = lastIndexIgnoreCase(text, phrase);
            if (i > best) {
                best = i;
                bestEnd = i + phrase.length();
            }
        }
        if (best < 0) {
            return null;
        }
        int end = text.indexOf('\n', bestEnd);
        String rest = text.substring(bestEnd, end < 0 ? text.length() : end).strip();
        if (rest.startsWith(":")) {
            rest = rest.substring(1).strip();
        }
        String boxed = lastBoxed(rest);
        if (boxed != null) {
            return boxed;
        }
        // A sentence end: ". " (a decimal point is followed by a digit, not a space).
        int stop = rest.indexOf(". ");
        if (stop >= 0) {
            rest = rest.substring(0, stop);
        }
        while (rest.endsWith(".")) {
            rest = rest.substring(0, rest.length() - 1).strip();
        }
        return rest.isEmpty() ? null : rest;
    }

    /**
     * The last number in the text, with its sign, thousands separators, decimals and a "/b"
     * fraction part ("-1,234.5", "3/4"). Null when the text has no digit.
     */
    public static String lastNumber(String text) {
        int end = text.length() - 1;
        while (end >= 0 && !isDigit(text.charAt(end))) {
            if ((end & 1023) == 0) {
                Budget.check();
            }
            end--;
        }
        if (end < 0) {
            return null;
        }
        int start = end;
        while (start > 0) {
            if ((start & 1023) == 0) {
                Budget.check();
            }
            char c = text.charAt(start - 1);
            boolean joins = isDigit(c)
                    || ((c == ',' || c == '.' || c == '/') && start - 2 >= 0 && isDigit(text.charAt(start - 2)));
            if (!joins) {
                break;
            }
            start--;
        }
        if (start > 0 && (text.charAt(start - 1) == '-' || text.charAt(start - 1) == '\u2212')) {
            start--;
        }
        return text.substring(start, end + 1);
    }

    private static boolean isDigit(char c) {
        return c >= '0' && c <= '9';
    }

    private static int lastIndexIgnoreCase(String text, String phrase) {
        char first = phrase.charAt(0);
        for (int i = text.length() - phrase.length(); i >= 0; i--) {
            if ((i & 1023) == 0) {
                Budget.check();
            }
            char c = text.charAt(i);
            if ((c == first || Character.toLowerCase(c) == first)
                    && text.regionMatches(true, i, phrase, 0, phrase.length())) {
                return i;
            }
        }
        return -1;
    }
}
