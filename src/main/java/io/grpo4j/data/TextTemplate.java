package io.grpo4j.data;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A prompt written as text with {@code {name}} placeholders. {@code {question}} is the problem's
 * question, {@code {id}} its id, any other name a column of its row (lists read {@code [1, 2,
 * 3]}, integral numbers without {@code .0}). Only a brace pair around a plain name is a
 * placeholder, so {@code \boxed{}} or {@code {x + 1}} stay as written; {@code {{} and {@code }}}
 * write a literal brace where a name would otherwise be read.
 */
final class TextTemplate implements PromptTemplate {
    private static final Pattern TOKEN = Pattern.compile("\\{\\{|}}|\\{([A-Za-z_][A-Za-z0-9_]*)}");

    private final String text;
    private final String suffix;
    /** Literal pieces and placeholder names, alternating: literal, name, literal, name, ..., literal. */
    private final List<String> pieces = new ArrayList<>();
    private final Set<String> placeholders = new LinkedHashSet<>();

    /** @param suffix appended after rendering (the think pre-fill), or "" */
    TextTemplate(String text, String suffix) {
        this.text = text;
        this.suffix = suffix;
        Matcher m = TOKEN.matcher(text);
        StringBuilder literal = new StringBuilder();
        int last = 0;
        while (m.find()) {
            literal.append(text, last, m.start());
            last = m.end();
            if (m.group(1) == null) {
                literal.append(m.group().charAt(0)); // "{{" → "{", "}}" → "}"
                continue;
            }
            pieces.add(literal.toString());
            pieces.add(m.group(1));
            placeholders.add(m.group(1));
            literal.setLength(0);
        }
        pieces.add(literal.append(text.substring(last)).toString());
    }

    /** The placeholder names in order of first use. */
    Set<String> placeholders() {
        return placeholders;
    }

    @Override
    public String render(Problem p) {
        StringBuilder out = new StringBuilder(text.length() + p.question().length() + suffix.length());
        for (int i = 0; i < pieces.size(); i++) {
            out.append(i % 2 == 0 ? pieces.get(i) : value(pieces.get(i), p));
        }
        return out.append(suffix).toString();
    }

    private static String value(String name, Problem p) {
        switch (name) {
            case "question":
                return p.question();
            case "id":
                return p.id();
            default:
                if (!p.columns().containsKey(name)) {
                    throw new IllegalArgumentException("prompt template placeholder {" + name + "} is not a column of problem '"
                            + p.id() + "' (" + p.source() + "); use {question}, {id} or one of its columns: "
                            + String.join(", ", p.columns().keySet()));
                }
                return Values.display(p.columns().get(name));
        }
    }
}
