package io.grpo4j.report;

/** Escaping for text placed in HTML or SVG markup and for JSON placed inside a script element. */
final class Html {
    private Html() {}

    /** Text safe inside an element or a double-quoted attribute. */
    static String escape(String s) {
        if (s == null) {
            return "";
        }
        StringBuilder b = new StringBuilder(s.length() + 16);
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            switch (c) {
                case '&' -> b.append("&amp;");
                case '<' -> b.append("&lt;");
                case '>' -> b.append("&gt;");
                case '"' -> b.append("&quot;");
                case '\'' -> b.append("&#39;");
                default -> b.append(c);
            }
        }
        return b.toString();
    }

    /**
     * JSON text safe inside {@code <script type="application/json">}: every {@code <}, {@code >}
     * and {@code &} becomes a {@code \}{@code u003c}-style escape. In JSON these characters occur
     * only inside strings, where the escape means the same character, so {@code </script>} or
     * {@code <!--} written by the model can never end or confuse the script element.
     */
    static String scriptJson(String json) {
        return json.replace("<", "\\u003c").replace(">", "\\u003e").replace("&", "\\u0026");
    }
}
