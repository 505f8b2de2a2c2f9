package io.grpo4j.report;

import java.io.PrintStream;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * Monologues as terminal text: one block per completion ({@link #list}) or one table per prompt
 * with its completions side by side ({@link #groups}). ANSI colours only when asked for; see
 * {@link #colorWanted}.
 */
public final class MonologueView {
    private static final String BOLD = "1";
    private static final String DIM = "2";
    private static final String RED = "31";
    private static final String GREEN = "32";
    private static final String YELLOW = "33";
    /** The width of the answer column of a group table. */
    private static final int ANSWER_WIDTH = 14;

    private final PrintStream out;
    private final boolean color;
    private final int width;

    /**
     * @param width the terminal width in columns: long texts in group tables are cut to fit
     */
    public MonologueView(PrintStream out, boolean color, int width) {
        this.out = out;
        this.color = color;
        this.width = Math.max(60, width);
    }

    /** Colours when standard output is a terminal and NO_COLOR is unset or empty (no-color.org). */
    public static boolean colorWanted() {
        String noColor = System.getenv("NO_COLOR");
        return System.console() != null && (noColor == null || noColor.isEmpty());
    }

    /** The terminal width from $COLUMNS, else 120. */
    public static int terminalWidth() {
        try {
            return Integer.parseInt(System.getenv().getOrDefault("COLUMNS", "120").trim());
        } catch (NumberFormatException e) {
            return 120;
        }
    }

    /** Each completion in full: a header line, the rule scores, the think and answer parts, the raw text. */
    public void list(List<Rollout> rows) {
        for (Rollout r : rows) {
            out.println(paint(BOLD, "── " + visible(r.promptId() + " #" + r.sample() + "  gold " + r.gold()) + "  reward " + num(r.reward())
                    + "  advantage " + signed(r.advantage()) + "  length " + r.length() + "  " + r.finishReason()));
            out.println("  rewards: " + scores(r));
            out.println(paint(DIM, "  think:  ") + (r.think() == null ? "(none)" : visible(r.think())));
            out.println(paint(r.correct() ? GREEN : r.wrong() ? RED : "0", "  answer: ") + (r.answer() == null ? "(none)" : visible(r.answer())));
            out.println(paint(DIM, "  raw:    ") + (r.completion() == null ? "" : visible(r.completion().replace("\n", "\\n"))));
        }
    }

    /**
     * One block per prompt: a header (step, prompt id, gold, reward mean and std, a zero-variance
     * mark), the prompt's end, then one row per completion with its reward, advantage, length,
     * finish, each rule's score, the answer and the start of the think part.
     */
    public void groups(List<RolloutGroup> groups) {
        for (RolloutGroup g : groups) {
            out.println(paint(BOLD, "── step " + g.step() + " · " + visible(g.promptId() + "  gold " + g.gold()) + "  " + g.samples().size()
                    + " sample" + (g.samples().size() == 1 ? "" : "s") + "  reward mean " + num(g.meanReward()) + " std "
                    + num(g.rewardStd())) + (g.zeroVariance() ? "  " + paint(YELLOW, "zero variance: no learning signal") : ""));
            out.println(paint(DIM, "   prompt: ") + tail(oneLine(g.prompt()), width - 12));
            table(g.samples());
            out.println();
        }
    }

    /** The rows of a group table under a header line; also usable on its own for a few samples. */
    public void table(List<Rollout> rows) {
        Set<String> rules = new LinkedHashSet<>();
        rows.forEach(r -> rules.addAll(r.rewards().keySet()));
        List<String> header = new ArrayList<>(List.of("#", "reward", "adv", "len", "finish"));
        header.addAll(rules);
        header.add("answer");
        List<List<String>> cells = new ArrayList<>();
        for (Rollout r : rows) {
            List<String> c = new ArrayList<>(List.of(String.valueOf(r.sample()), num(r.reward()), signed(r.advantage()),
                    String.valueOf(r.length()), r.finishReason() == null ? "?" : r.finishReason()));
            for (String rule : rules) {
                c.add(r.rewards().containsKey(rule) ? num(r.rewards().get(rule)) : "");
            }
            c.add(r.answer() == null ? "-" : cut(oneLine(r.answer()), ANSWER_WIDTH));
            cells.add(c);
        }
        int[] widths = new int[header.size()];
        for (int i = 0; i < widths.length; i++) {
            widths[i] = header.get(i).length();
            for (List<String> c : cells) {
                widths[i] = Math.max(widths[i], c.get(i).length());
            }
        }
        int used = 3 + java.util.Arrays.stream(widths).map(w -> w + 2).sum();
        int thinkWidth = Math.max(10, width - used);
        StringBuilder h = new StringBuilder("   ");
        for (int i = 0; i < widths.length; i++) {
            h.append(pad(header.get(i), widths[i], i < 4)).append("  ");
        }
        out.println(paint(DIM, h + "think"));
        for (int k = 0; k < rows.size(); k++) {
            Rollout r = rows.get(k);
            StringBuilder line = new StringBuilder("   ");
            for (int i = 0; i < widths.length; i++) {
                String cell = pad(cells.get(k).get(i), widths[i], i < 4);
                if (i == 2) {
                    cell = paint(r.advantage() > 0 ? GREEN : r.advantage() < 0 ? RED : "0", cell);
                } else if (i == widths.length - 1) {
                    cell = paint(r.correct() ? GREEN : r.wrong() ? RED : "0", cell);
                }
                line.append(cell).append("  ");
            }
            line.append(paint(DIM, r.think() == null ? "-" : cut(oneLine(r.think()), thinkWidth)));
            out.println(line);
        }
    }

    private String scores(Rollout r) {
        StringBuilder b = new StringBuilder();
        r.rewards().forEach((rule, score) -> {
            b.append(b.length() == 0 ? "" : "  ").append(rule).append(' ').append(num(score));
            String reason = r.reasons().get(rule);
            if (reason != null && !reason.isEmpty()) {
                b.append(paint(DIM, " (" + reason + ")"));
            }
        });
        return b.toString();
    }

    private String paint(String code, String s) {
        return color && !code.equals("0") ? "\u001b[" + code + "m" + s + "\u001b[0m" : s;
    }

    static String num(double v) {
        if (Double.isNaN(v)) {
            return "n/a";
        }
        String s = String.format(Locale.ROOT, "%.3f", v);
        return s.contains(".") ? s.replaceAll("0+$", "").replaceAll("\\.$", "") : s;
    }

    static String signed(double v) {
        return Double.isNaN(v) ? "n/a" : String.format(Locale.ROOT, "%+.3f", v);
    }

    private static String oneLine(String s) {
        return s == null ? "" : visible(s.replaceAll("\\s+", " ").trim());
    }

    /**
     * Model text made safe for a terminal: control characters other than newline and tab (an
     * ESC could start an escape sequence that recolours or rewrites the screen) become {@code \}{@code uXXXX}.
     */
    static String visible(String s) {
        StringBuilder b = new StringBuilder(s.length());
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            boolean control = (c < 0x20 && c != '\n' && c != '\t') || (c >= 0x7f && c < 0xa0);
            b.append(control ? String.format(Locale.ROOT, "\\u%04x", (int) c) : String.valueOf(c));
        }
        return b.toString();
    }

    private static String cut(String s, int max) {
        return s.length() <= max ? s : s.substring(0, Math.max(0, max - 1)) + "…";
    }

    private static String tail(String s, int max) {
        return s.length() <= max ? s : "…" + s.substring(s.length() - max + 1);
    }

    private static String pad(String s, int w, boolean right) {
        String fill = " ".repeat(Math.max(0, w - s.length()));
        return right ? fill + s : s + fill;
    }
}
