package io.grpo4j.reward.math;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Rewrites an answer into a canonical form before comparison: strips {@code $}, {@code \left},
 * spacing commands, {@code \text{}} units, degrees, percent signs, a trailing period, an
 * {@code x =} prefix and thousands separators; turns {@code \dfrac} into {@code \frac}, unicode
 * minus into "-", {@code \cdot}/{@code \times} into "*". The result keeps its meaning for the
 * {@link ExprParser}; it is also compared as text (spaces removed) before any parsing.
 */
public final class LatexNormalizer {
    private LatexNormalizer() {}

    /** Pairs of (LaTeX, replacement), applied in order. */
    private static final String[][] REPLACEMENTS = {
        {"\\left", ""}, {"\\right", ""}, {"\\bigl", ""}, {"\\bigr", ""}, {"\\Bigl", ""}, {"\\Bigr", ""},
        {"\\displaystyle", ""}, {"\\!", ""}, {"\\,", " "}, {"\\;", " "}, {"\\:", " "},
        {"\\qquad", " "}, {"\\quad", " "}, {"~", " "},
        {"\\dfrac", "\\frac"}, {"\\tfrac", "\\frac"}, {"\\cfrac", "\\frac"},
        {"^{\\circ}", ""}, {"^\\circ", ""}, {"\\circ", ""}, {"\u00b0", ""}, {"\\degree", ""},
        {"\\%", ""}, {"%", ""}, {"\\$", ""}, {"$", ""},
        {"\u2212", "-"}, {"\u2013", "-"}, {"\u00d7", "*"}, {"\u00f7", "/"}, {"\u03c0", "\\pi"},
        {"\\cdot", "*"}, {"\\times", "*"}, {"\\div", "/"}, {"\\ast", "*"},
        {"\\lvert", "|"}, {"\\rvert", "|"}, {"\\vert", "|"},
        {"{,}", ","}, {"\\dots", ""}, {"\\ldots", ""},
    };

    /** Commands whose argument is text: units ("10\text{ cm}") or a word answer ("\text{(C)}"). */
    private static final String[] TEXT_COMMANDS = {"\\text", "\\textbf", "\\textrm", "\\mbox", "\\mathrm", "\\mathbf", "\\textit", "\\mathit", "\\operatorname"};

    /** "1,600" / "-1,234,567.89": a whole answer that is one number with thousands separators. */
    private static final Pattern THOUSANDS = Pattern.compile("-?\\d{1,3}(,\\d{3})+(\\.\\d+)?");

    /** "x =", "y_1 =", "\theta =", "f(x) =": a name to strip when it is the only '=' in the answer. */
    private static final Pattern NAME_EQUALS = Pattern.compile(
            "^(?:[a-zA-Z](?:_\\{?[a-zA-Z0-9]+\\}?)?|\\\\[a-zA-Z]+|[a-zA-Z]\\([a-z]\\))\\s*(?:=|\\\\in)\\s*");


    /** The canonical form of one answer (already extracted from the completion). */
    public static String normalize(String answer) {
        String s = answer.strip();
        if (isPlainInteger(s)) {
            return s; // fast path: the common case in GSM8K-style tasks
        }
        s = unwrapBoxed(s);
        s = replaceEscapedSpaces(s);
        for (String[] r : REPLACEMENTS) {
            if (s.contains(r[0])) {
                s = s.replace(r[0], r[1]);
            }
        }
        s = stripTextCommands(s);
        s = s.strip();
        s = stripTrailingPunctuation(s);
        Matcher name = NAME_EQUALS.matcher(s);
        if (name.find() && s.indexOf('=', name.end()) < 0) {
            s = s.substring(name.end());
        }
        if (!s.contains("\\")) {
            s = stripTrailingWords(s);
        }
        s = s.strip();
        if (THOUSANDS.matcher(s).matches()) {
            s = s.replace(",", "");
        }
        return s;
    }

    /** The text with every whitespace character removed (for the quick textual comparison). */
    public static String compact(String s) {
        StringBuilder b = new StringBuilder(s.length());
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (!Character.isWhitespace(c)) {
                b.append(c);
            }
        }
        return b.toString();
    }

    /** True for an optional '-' followed by 1..18 digits and nothing else. */
    public static boolean isPlainInteger(String s) {
        int start = s.startsWith("-") ? 1 : 0;
        if (s.length() == start || s.length() - start > 18) {
            return false;
        }
        for (int i = start; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c < '0' || c > '9') {
                return false;
            }
        }
        return true;
    }

    /** "\\ " (a LaTeX space) becomes " ", but "\\\\ " (a row break, then a space) stays. */
    private static String replaceEscapedSpaces(String s) {
        if (!s.contains("\\ ")) {
            return s;
        }
        StringBuilder b = new StringBuilder(s.length());
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c == '\\' && i + 1 < s.length()) {
                char next = s.charAt(i + 1);
                b.append(next == ' ' ? " " : s.substring(i, i + 2));
                i++;
                continue;
            }
            b.append(c);
        }
        return b.toString();
    }

    /**
     * "12 dollars", "5 cm^2", "3 square feet" become "12", "5", "3": words of two or more letters
     * after a number are units. Linear scan from the end (no regex that could backtrack).
     */
    static String stripTrailingWords(String s) {
        int end = s.length();
        int stripped = 0;
        while (true) {
            int i = end;
            while (i > 0 && Character.isWhitespace(s.charAt(i - 1))) {
                i--;
            }
            int wordEnd = i;
            if (i >= 2 && s.charAt(i - 2) == '^' && Character.isDigit(s.charAt(i - 1))) {
                i -= 2; // "cm^2"
            }
            int letters = 0;
            while (i > 0 && isAsciiLetter(s.charAt(i - 1))) {
                i--;
                letters++;
            }
            // A unit is set apart by a space: "5 cm" is five centimetres, "5xy" is a product.
            boolean separated = i > 0 && Character.isWhitespace(s.charAt(i - 1));
            if (letters < 2 || !separated || wordEnd == 0) {
                break;
            }
            end = i;
            stripped++;
        }
        String rest = s.substring(0, end).strip();
        return stripped > 0 && !rest.isEmpty() && Character.isDigit(rest.charAt(rest.length() - 1)) ? rest : s;
    }

    private static boolean isAsciiLetter(char c) {
        return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z');
    }

    private static String unwrapBoxed(String s) {
        if (s.startsWith("\\boxed") || s.startsWith("\\fbox")) {
            String inner = AnswerExtractor.lastBoxed(s);
            if (inner != null) {
                return inner.strip();
            }
        }
        return s;
    }

    private static String stripTrailingPunctuation(String s) {
        while (!s.isEmpty() && (s.endsWith(".") || s.endsWith(",") || s.endsWith(";") || s.endsWith("\\\\"))) {
            s = s.substring(0, s.length() - (s.endsWith("\\\\") ? 2 : 1)).strip();
        }
        return s;
    }

    /**
     * Removes {@code \text{...}} groups when something else is left (they are units: "10\text{ cm}"),
     * else unwraps them (the answer is a word: "\text{(C)}" becomes "(C)").
     */
    private static String stripTextCommands(String s) {
        if (!s.contains("\\")) {
            return s;
        }
        StringBuilder without = new StringBuilder();
        StringBuilder unwrapped = new StringBuilder();
        int i = 0;
        boolean any = false;
        while (i < s.length()) {
            Budget.check();
            String command = textCommandAt(s, i);
            if (command != null) {
                int open = i + command.length();
                while (open < s.length() && s.charAt(open) == ' ') {
                    open++;
                }
                int close = open < s.length() && s.charAt(open) == '{' ? matchingBrace(s, open) : -1;
                if (close > 0) {
                    unwrapped.append(s, open + 1, close);
                    i = close + 1;
                    any = true;
                    continue;
                }
            }
            without.append(s.charAt(i));
            unwrapped.append(s.charAt(i));
            i++;
        }
        if (!any) {
            return s;
        }
        String rest = without.toString().strip();
        return rest.isEmpty() || !containsDigitOrCommand(rest) ? unwrapped.toString() : rest;
    }

    private static boolean containsDigitOrCommand(String s) {
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if ((c >= '0' && c <= '9') || c == '\\') {
                return true;
            }
        }
        return false;
    }

    private static String textCommandAt(String s, int i) {
        if (s.charAt(i) != '\\') {
            return null;
        }
        for (String c : TEXT_COMMANDS) {
            if (s.startsWith(c, i)) {
                int after = i + c.length();
                if (after >= s.length() || !Character.isLetter(s.charAt(after))) {
                    return c;
                }
            }
        }
        return null;
    }

    /** Index of the '}' closing the '{' at {@code open}, or -1. */
    static int matchingBrace(String s, int open) {
        int depth = 0;
        for (int j = open; j < s.length(); j++) {
            char c = s.charAt(j);
            if (c == '\\') {
                j++;
                continue;
            }
            if (c == '{') {
                depth++;
            } else if (c == '}' && --depth == 0) {
                return j;
            }
        }
        return -1;
    }
}
