package io.grpo4j.train;

/** Splits a completion into its think and answer parts for logs (null where a part is absent). */
public final class Monologue {
    private Monologue() {}

    public static String[] split(String text) {
        String think = null;
        int close = text.indexOf("</think>");
        if (close >= 0) {
            int open = text.lastIndexOf("<think>", close);
            think = text.substring(open >= 0 ? open + 7 : 0, close).trim();
        }
        String answer = null;
        int ac = text.lastIndexOf("</answer>");
        if (ac >= 0) {
            int ao = text.lastIndexOf("<answer>", ac);
            if (ao >= 0) {
                answer = text.substring(ao + 8, ac).trim();
            }
        }
        return new String[] {think, answer};
    }
}
