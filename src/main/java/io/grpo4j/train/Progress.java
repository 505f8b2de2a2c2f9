package io.grpo4j.train;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.PrintStream;
import java.util.Locale;

/**
 * The console during training (stderr): a progress bar with step, reward, accuracy, format rate,
 * mean length, time per step and the time left; eval results and monologue tables as permanent
 * lines above it. On a terminal the bar redraws in place; piped into a file it prints one line
 * per step, so a log keeps the whole curve.
 */
final class Progress {
    static final int BAR_WIDTH = 24;

    private final PrintStream out;
    private final boolean live;
    private final int maxSteps;
    private final int firstStep;
    private final long startNanos = System.nanoTime();
    private boolean barShown;

    /**
     * @param live redraw in place (a terminal) instead of one line per step
     * @param firstStep the step this process starts from (a resumed run's time left counts only its own steps)
     */
    Progress(PrintStream out, boolean live, int maxSteps, int firstStep) {
        this.out = out;
        this.live = live;
        this.maxSteps = maxSteps;
        this.firstStep = firstStep;
    }

    /** A terminal, and colours/redraws are not switched off. */
    static boolean isTerminal() {
        return System.console() != null && System.getenv("NO_COLOR") == null && !"dumb".equals(System.getenv("TERM"));
    }

    void step(int step, JsonNode m, double seconds) {
        double elapsed = (System.nanoTime() - startNanos) / 1e9;
        int done = step - firstStep;
        double left = done > 0 ? elapsed / done * (maxSteps - step) : Double.NaN;
        String text = line(step, maxSteps, m, seconds, left);
        if (live) {
            out.print("\r\033[2K" + text);
            out.flush();
            barShown = true;
        } else {
            out.println(text);
        }
    }

    /** A permanent line (eval results, monologues): printed above the bar. */
    void println(String text) {
        if (barShown) {
            out.print("\r\033[2K");
            barShown = false;
        }
        out.println(text);
    }

    /** Ends the bar's line so that what follows starts on a fresh one. */
    void finish() {
        if (barShown) {
            out.println();
            barShown = false;
        }
    }

    /** {@code [█████░░░░]  12/300   4%  reward 0.312  acc 0.000  fmt 0.012  len 15.2  1.07s/step  left 5m08s}. */
    static String line(int step, int maxSteps, JsonNode m, double seconds, double secondsLeft) {
        return String.format(Locale.ROOT, "%s %s/%d %3d%%  reward %.3f  acc %s  fmt %s  len %.1f  zero-std %.2f  %.2fs/step  left %s",
                bar(step, maxSteps, BAR_WIDTH), pad(step, maxSteps), maxSteps, maxSteps == 0 ? 100 : 100L * step / maxSteps,
                m.path("reward").asDouble(), number(m.path("rewards/accuracy/mean")), number(m.path("rewards/format/mean")),
                m.path("completions/mean_length").asDouble(), m.path("frac_reward_zero_std").asDouble(), seconds,
                duration(secondsLeft));
    }

    /** A bar of {@code width} cells, filled in eighths. */
    static String bar(int done, int total, int width) {
        double share = total <= 0 ? 1 : Math.min(1, Math.max(0, done / (double) total));
        int eighths = (int) Math.floor(share * width * 8);
        StringBuilder sb = new StringBuilder("[");
        for (int i = 0; i < width; i++) {
            int cell = Math.min(8, Math.max(0, eighths - 8 * i));
            sb.append(cell == 8 ? '█' : cell == 0 ? '·' : "▏▎▍▌▋▊▉".charAt(cell - 1));
        }
        return sb.append(']').toString();
    }

    /** 42 → "42s", 308 → "5m08s", 3725 → "1h02m"; "?" when unknown. */
    static String duration(double seconds) {
        if (!Double.isFinite(seconds) || seconds < 0) {
            return "?";
        }
        long s = Math.round(seconds);
        if (s < 60) {
            return s + "s";
        }
        if (s < 3600) {
            return String.format(Locale.ROOT, "%dm%02ds", s / 60, s % 60);
        }
        return String.format(Locale.ROOT, "%dh%02dm", s / 3600, (s % 3600) / 60);
    }

    private static String pad(int step, int maxSteps) {
        return String.format("%" + String.valueOf(maxSteps).length() + "d", step);
    }

    private static String number(JsonNode n) {
        return n.isNumber() ? String.format(Locale.ROOT, "%.3f", n.asDouble()) : "-";
    }
}
