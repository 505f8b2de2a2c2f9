package io.grpo4j.reward.math;

import java.util.ArrayList;
import java.util.List;

/**
 * The outer shape of an answer: a scalar, an ordered tuple or interval "(1, 2]", a set
 * "\{1, 2\}", a bare list "1, 2", a union "[0,1) \cup (2,3]", an equation "x^2+y^2=1" or a matrix.
 * Elements are kept as text and compared recursively by {@link MathEquivalence}.
 *
 * @param kind the shape
 * @param open the opening bracket of a tuple/interval/set ("(", "[", "\{"), else ""
 * @param close the closing bracket, else ""
 * @param parts the elements (for a matrix: its rows, each "a & b")
 */
record Structure(Kind kind, String open, String close, List<String> parts) {
    enum Kind { SCALAR, BRACKETED, LIST, UNION, EQUATION, MATRIX }

    private static final String[] MATRIX_ENVIRONMENTS = {"pmatrix", "bmatrix", "matrix", "vmatrix", "Bmatrix", "array"};

    boolean isSet() {
        return kind == Kind.BRACKETED && (open.equals("\\{") || open.equals("{"));
    }

    static Structure of(String s) {
        s = s.strip();
        Structure matrix = matrix(s);
        if (matrix != null) {
            return matrix;
        }
        List<String> union = splitTopLevel(s, "\\cup");
        if (union.size() > 1) {
            return new Structure(Kind.UNION, "", "", union);
        }
        String open = openingBracket(s);
        if (open != null && closesAtEnd(s, open.length())) {
            String close = s.endsWith("\\}") ? "\\}" : s.substring(s.length() - 1);
            String inner = s.substring(open.length(), s.length() - close.length());
            List<String> elements = splitTopLevel(inner, ",");
            if (elements.size() > 1 || open.equals("\\{")) {
                return new Structure(Kind.BRACKETED, open, close, elements);
            }
        }
        List<String> list = splitTopLevel(s, ",");
        if (list.size() > 1) {
            return new Structure(Kind.LIST, "", "", list);
        }
        List<String> sides = splitTopLevel(s, "=");
        if (sides.size() == 2) {
            return new Structure(Kind.EQUATION, "", "", sides);
        }
        return new Structure(Kind.SCALAR, "", "", List.of(s));
    }

    private static Structure matrix(String s) {
        for (String env : MATRIX_ENVIRONMENTS) {
            String begin = "\\begin{" + env + "}";
            String end = "\\end{" + env + "}";
            if (s.startsWith(begin) && s.endsWith(end)) {
                String body = s.substring(begin.length(), s.length() - end.length());
                if (env.equals("array") && body.startsWith("{")) {
                    int close = LatexNormalizer.matchingBrace(body, 0);
                    body = close > 0 ? body.substring(close + 1) : body; // column spec "{cc}"
                }
                List<String> rows = new ArrayList<>();
                for (String row : splitTopLevel(body, "\\\\")) {
                    if (!row.isBlank()) {
                        rows.add(row);
                    }
                }
                return new Structure(Kind.MATRIX, env, env, rows);
            }
        }
        return null;
    }

    private static String openingBracket(String s) {
        if (s.startsWith("\\{")) {
            return "\\{";
        }
        if (!s.isEmpty() && (s.charAt(0) == '(' || s.charAt(0) == '[' || s.charAt(0) == '{')) {
            return s.substring(0, 1);
        }
        return null;
    }

    /** True when the bracket opened at the start closes at the very end (any bracket kind closes any). */
    private static boolean closesAtEnd(String s, int from) {
        int depth = 1;
        for (int i = from; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c == '(' || c == '[' || c == '{') {
                depth++;
            } else if (c == ')' || c == ']' || c == '}') {
                depth--;
                if (depth == 0) {
                    return i == s.length() - 1;
                }
            }
        }
        return false;
    }

    /** Splits at {@code separator} outside any brackets; pieces are stripped. */
    static List<String> splitTopLevel(String s, String separator) {
        List<String> parts = new ArrayList<>();
        int depth = 0;
        int start = 0;
        for (int i = 0; i < s.length(); i++) {
            if ((i & 255) == 0) {
                Budget.check();
            }
            char c = s.charAt(i);
            if (c == '\\' && !separator.startsWith("\\") && i + 1 < s.length()) {
                char next = s.charAt(i + 1);
                if (next == '{' || next == '}') {
                    depth += next == '{' ? 1 : -1;
                }
                i++;
                continue;
            }
            if (c == '(' || c == '[' || c == '{') {
                depth++;
            } else if (c == ')' || c == ']' || c == '}') {
                depth--;
            } else if (depth == 0 && s.startsWith(separator, i) && !partOfLongerCommand(s, i, separator)) {
                parts.add(s.substring(start, i).strip());
                i += separator.length() - 1;
                start = i + 1;
            }
        }
        parts.add(s.substring(start).strip());
        return parts;
    }

    /** "\cup" must not match the start of "\cupdot"; "=" must not be part of "\le=" etc. */
    private static boolean partOfLongerCommand(String s, int i, String separator) {
        if (!separator.startsWith("\\") || separator.equals("\\\\")) {
            return false;
        }
        int after = i + separator.length();
        return after < s.length() && Character.isLetter(s.charAt(after));
    }
}
