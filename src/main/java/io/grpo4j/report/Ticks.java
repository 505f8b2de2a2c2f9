package io.grpo4j.report;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/** "Nice" axis ticks (multiples of 1, 2, 2.5 or 5 times a power of ten) and short tick labels. */
final class Ticks {
    private Ticks() {}

    /** A tick spacing and the ticks between {@code lo} and {@code hi}, inclusive. */
    record Axis(double lo, double hi, double spacing, List<Double> ticks) {}

    /**
     * Ticks for data in [min, max] with about {@code target} intervals. With {@code snap} the
     * axis grows outward to the nearest ticks; otherwise it stays [min, max]. With {@code
     * integers} the spacing is at least 1 (steps).
     */
    static Axis of(double min, double max, int target, boolean snap, boolean integers) {
        if (!(max > min)) {
            throw new IllegalArgumentException("empty axis range [" + min + ", " + max + "]");
        }
        double spacing = niceSpacing((max - min) / target);
        if (integers) {
            spacing = Math.max(1, Math.rint(spacing)); // 2.5 rounds to 2 (rint: half to even)
        }
        double lo = snap ? Math.floor(min / spacing + 1e-9) * spacing : min;
        double hi = snap ? Math.ceil(max / spacing - 1e-9) * spacing : max;
        List<Double> ticks = new ArrayList<>();
        for (long k = (long) Math.ceil(lo / spacing - 1e-9); k * spacing <= hi + spacing * 1e-9; k++) {
            ticks.add(clean(k * spacing));
        }
        return new Axis(lo, hi, spacing, ticks);
    }

    static double niceSpacing(double raw) {
        double power = Math.pow(10, Math.floor(Math.log10(raw)));
        double f = raw / power;
        double nice = f <= 1 ? 1 : f <= 2 ? 2 : f <= 2.5 ? 2.5 : f <= 5 ? 5 : 10;
        return nice * power;
    }

    /** Removes floating-point dust such as 0.30000000000000004. */
    private static double clean(double v) {
        return Double.parseDouble(String.format(Locale.ROOT, "%.12g", v));
    }

    /** A short label for a tick: "0", "0.25", "1,200", "1.5e-4", "2e+6". */
    static String label(double v, double spacing) {
        if (v == 0) {
            return "0";
        }
        double a = Math.abs(v);
        if (a >= 1e6 || spacing < 1e-3) {
            return scientific(v);
        }
        int decimals = (int) Math.max(0, Math.ceil(-Math.log10(spacing) - 1e-9));
        if (Math.abs(spacing * Math.pow(10, decimals) - Math.rint(spacing * Math.pow(10, decimals))) > 1e-6) {
            decimals++; // 2.5, 0.25: one more digit
        }
        return decimals == 0 ? String.format(Locale.ROOT, "%,d", Math.round(v)) : String.format(Locale.ROOT, "%." + decimals + "f", v);
    }

    /** A value in a few characters, for legends and captions: "0.123", "1.5e-4", "12,345". */
    static String value(double v) {
        if (Double.isNaN(v)) {
            return "–";
        }
        double a = Math.abs(v);
        if (v == 0) {
            return "0";
        }
        if (a >= 1e6 || a < 1e-3) {
            return scientific(v);
        }
        if (a >= 100) {
            return String.format(Locale.ROOT, "%,d", Math.round(v));
        }
        return stripZeros(String.format(Locale.ROOT, "%.3f", v));
    }

    private static String scientific(double v) {
        int exponent = (int) Math.floor(Math.log10(Math.abs(v)));
        double mantissa = v / Math.pow(10, exponent);
        if (Math.abs(mantissa) >= 9.995) { // rounding carried into the next power
            mantissa /= 10;
            exponent++;
        }
        return stripZeros(String.format(Locale.ROOT, "%.2f", mantissa)) + "e" + (exponent < 0 ? "" : "+") + exponent;
    }

    private static String stripZeros(String s) {
        return s.contains(".") ? s.replaceAll("0+$", "").replaceAll("\\.$", "") : s;
    }
}
