package io.grpo4j.report;

import java.util.ArrayList;
import java.util.List;

/**
 * Draws a {@link LineChart} as inline SVG: a title, a legend when there is more than one
 * series, a grid, tick labels and axis titles on both axes, and one {@code <path>} per series.
 * A NaN value breaks its line (the path starts a new segment with {@code M}); a point with no
 * neighbour is drawn as a dot, so a single point still shows. A constant series gets a small
 * y range around its value, and a chart with no points says "no data" and why.
 */
public final class SvgLineChart {
    static final int WIDTH = 420;
    static final int HEIGHT = 260;
    private static final int LEFT = 58;
    private static final int RIGHT = 14;
    private static final int BOTTOM = 40;
    private static final int TITLE_HEIGHT = 24;
    private static final int LEGEND_ROW = 15;
    /** Below this many points a line also gets a dot on every point. */
    private static final int MARKER_LIMIT = 24;
    /** Approximate width of one character of 11px sans-serif text, for laying out the legend. */
    private static final double CHAR_WIDTH = 6.1;
    static final String[] COLORS = {"#1f77b4", "#d62728", "#2ca02c", "#ff7f0e", "#9467bd", "#8c564b", "#e377c2",
        "#17becf", "#7f7f7f", "#bcbd22"};

    private SvgLineChart() {}

    public static String render(LineChart chart) {
        StringBuilder svg = new StringBuilder(4096);
        List<List<String>> legendRows = chart.series().size() > 1 ? legendRows(chart.series()) : List.of();
        int top = TITLE_HEIGHT + legendRows.size() * LEGEND_ROW + 8;
        double plotWidth = WIDTH - LEFT - RIGHT;
        double plotHeight = HEIGHT - top - BOTTOM;
        svg.append("<svg xmlns=\"http://www.w3.org/2000/svg\" class=\"chart\" viewBox=\"0 0 ").append(WIDTH).append(' ')
                .append(HEIGHT).append("\" role=\"img\" aria-label=\"").append(Html.escape(chart.title()))
                .append("\" font-family=\"system-ui, sans-serif\" font-size=\"11\">\n");
        svg.append("<title>").append(Html.escape(chart.title())).append("</title>\n");
        svg.append("<text class=\"chart-title\" x=\"").append(LEFT).append("\" y=\"16\" font-size=\"13\" font-weight=\"600\" fill=\"#222\">")
                .append(Html.escape(chart.title())).append("</text>\n");
        legend(svg, chart.series(), legendRows);
        // axis titles come first so that even an empty chart says what it would show
        svg.append("<text class=\"axis-title x-title\" x=\"").append(num(LEFT + plotWidth / 2)).append("\" y=\"")
                .append(HEIGHT - 6).append("\" text-anchor=\"middle\" fill=\"#444\">").append(Html.escape(chart.xTitle()))
                .append("</text>\n");
        svg.append("<text class=\"axis-title y-title\" transform=\"translate(13,").append(num(top + plotHeight / 2))
                .append(") rotate(-90)\" text-anchor=\"middle\" fill=\"#444\">").append(Html.escape(chart.yTitle()))
                .append("</text>\n");
        svg.append("<rect class=\"frame\" x=\"").append(LEFT).append("\" y=\"").append(top).append("\" width=\"")
                .append(num(plotWidth)).append("\" height=\"").append(num(plotHeight))
                .append("\" fill=\"none\" stroke=\"#ccc\"/>\n");
        if (chart.empty()) {
            double cy = top + plotHeight / 2;
            svg.append("<text class=\"no-data\" x=\"").append(num(LEFT + plotWidth / 2)).append("\" y=\"").append(num(cy))
                    .append("\" text-anchor=\"middle\" font-size=\"13\" fill=\"#888\">no data</text>\n");
            if (chart.emptyNote() != null) {
                svg.append("<text class=\"no-data-note\" x=\"").append(num(LEFT + plotWidth / 2)).append("\" y=\"")
                        .append(num(cy + 18)).append("\" text-anchor=\"middle\" fill=\"#888\">")
                        .append(Html.escape(chart.emptyNote())).append("</text>\n");
            }
            return svg.append("</svg>").toString();
        }
        Ticks.Axis x = xAxis(chart);
        Ticks.Axis y = yAxis(chart);
        Scale sx = new Scale(x.lo(), x.hi(), LEFT, LEFT + plotWidth);
        Scale sy = new Scale(y.lo(), y.hi(), top + plotHeight, top);
        svg.append("<g class=\"axis y-axis\">\n");
        for (double t : y.ticks()) {
            double py = sy.map(t);
            svg.append("<line x1=\"").append(LEFT).append("\" x2=\"").append(num(LEFT + plotWidth)).append("\" y1=\"")
                    .append(num(py)).append("\" y2=\"").append(num(py)).append("\" stroke=\"#eee\"/>");
            svg.append("<text class=\"tick\" x=\"").append(LEFT - 5).append("\" y=\"").append(num(py + 3.5))
                    .append("\" text-anchor=\"end\" fill=\"#555\">").append(Ticks.label(t, y.spacing())).append("</text>\n");
        }
        svg.append("</g>\n<g class=\"axis x-axis\">\n");
        double bottom = top + plotHeight;
        for (double t : x.ticks()) {
            double px = sx.map(t);
            svg.append("<line x1=\"").append(num(px)).append("\" x2=\"").append(num(px)).append("\" y1=\"").append(num(bottom))
                    .append("\" y2=\"").append(num(bottom + 4)).append("\" stroke=\"#999\"/>");
            svg.append("<text class=\"tick\" x=\"").append(num(px)).append("\" y=\"").append(num(bottom + 15))
                    .append("\" text-anchor=\"middle\" fill=\"#555\">").append(Ticks.label(t, x.spacing())).append("</text>\n");
        }
        svg.append("</g>\n");
        int total = chart.series().stream().mapToInt(Series::finitePoints).sum();
        for (int i = 0; i < chart.series().size(); i++) {
            series(svg, chart.series().get(i), COLORS[i % COLORS.length], sx, sy, total <= MARKER_LIMIT * chart.series().size());
        }
        return svg.append("</svg>").toString();
    }

    private static void series(StringBuilder svg, Series s, String color, Scale sx, Scale sy, boolean markAll) {
        StringBuilder d = new StringBuilder();
        List<double[]> dots = new ArrayList<>();
        int points = 0;
        boolean penDown = false;
        for (int i = 0; i < s.x().length; i++) {
            if (!Double.isFinite(s.x()[i]) || !Double.isFinite(s.y()[i])) {
                penDown = false; // a gap
                continue;
            }
            double px = sx.map(s.x()[i]);
            double py = sy.map(s.y()[i]);
            d.append(penDown ? 'L' : 'M').append(num(px)).append(',').append(num(py));
            boolean nextDrawn = i + 1 < s.x().length && Double.isFinite(s.x()[i + 1]) && Double.isFinite(s.y()[i + 1]);
            if (markAll || (!penDown && !nextDrawn)) {
                dots.add(new double[] {px, py});
            }
            penDown = true;
            points++;
        }
        svg.append("<g class=\"series\" data-series=\"").append(Html.escape(s.name())).append("\">");
        svg.append("<path class=\"line\" data-series=\"").append(Html.escape(s.name())).append("\" data-points=\"").append(points)
                .append("\" d=\"").append(d).append("\" fill=\"none\" stroke=\"").append(color)
                .append("\" stroke-width=\"1.6\" stroke-linejoin=\"round\"/>");
        for (double[] p : dots) {
            svg.append("<circle cx=\"").append(num(p[0])).append("\" cy=\"").append(num(p[1])).append("\" r=\"2.4\" fill=\"")
                    .append(color).append("\"/>");
        }
        svg.append("</g>\n");
    }

    /** Legend entries packed into rows that fit the plot's width. */
    private static List<List<String>> legendRows(List<Series> series) {
        List<List<String>> rows = new ArrayList<>();
        List<String> row = new ArrayList<>();
        double used = 0;
        for (Series s : series) {
            double w = entryWidth(s.name());
            if (!row.isEmpty() && used + w > WIDTH - LEFT - RIGHT) {
                rows.add(row);
                row = new ArrayList<>();
                used = 0;
            }
            row.add(s.name());
            used += w;
        }
        rows.add(row);
        return rows;
    }

    private static double entryWidth(String name) {
        return 18 + name.length() * CHAR_WIDTH + 12;
    }

    private static void legend(StringBuilder svg, List<Series> series, List<List<String>> rows) {
        if (rows.isEmpty()) {
            return;
        }
        svg.append("<g class=\"legend\">\n");
        int index = 0;
        for (int r = 0; r < rows.size(); r++) {
            double x = LEFT;
            double y = TITLE_HEIGHT + r * LEGEND_ROW + 8;
            for (String name : rows.get(r)) {
                String color = COLORS[index++ % COLORS.length];
                svg.append("<line x1=\"").append(num(x)).append("\" x2=\"").append(num(x + 14)).append("\" y1=\"").append(num(y - 4))
                        .append("\" y2=\"").append(num(y - 4)).append("\" stroke=\"").append(color).append("\" stroke-width=\"2.5\"/>");
                svg.append("<text x=\"").append(num(x + 18)).append("\" y=\"").append(num(y)).append("\" fill=\"#333\">")
                        .append(Html.escape(name)).append("</text>\n");
                x += entryWidth(name);
            }
        }
        svg.append("</g>\n");
    }

    private static Ticks.Axis xAxis(LineChart chart) {
        double[] r = range(chart.series(), true, chart.xRange());
        boolean integers = true;
        for (Series s : chart.series()) {
            for (double v : s.x()) {
                integers &= !Double.isFinite(v) || v == Math.rint(v);
            }
        }
        if (r[0] == r[1]) { // one step: centre it
            r = new double[] {r[0] - 1, r[1] + 1};
        }
        return Ticks.of(r[0], r[1], 6, false, integers);
    }

    private static Ticks.Axis yAxis(LineChart chart) {
        double[] r = range(chart.series(), false, chart.yInclude());
        if (r[0] == r[1]) { // a constant series: a band around its value
            double pad = r[0] == 0 ? 1 : Math.abs(r[0]) * 0.5;
            r = new double[] {r[0] == 0 ? 0 : r[0] - pad, r[1] + pad};
        }
        return Ticks.of(r[0], r[1], 5, true, false);
    }

    /** The finite min and max over the series' x (or y) values and the extra values. */
    private static double[] range(List<Series> series, boolean ofX, double[] extra) {
        double lo = Double.POSITIVE_INFINITY;
        double hi = Double.NEGATIVE_INFINITY;
        for (Series s : series) {
            for (int i = 0; i < s.x().length; i++) {
                if (Double.isFinite(s.x()[i]) && Double.isFinite(s.y()[i])) {
                    double v = ofX ? s.x()[i] : s.y()[i];
                    lo = Math.min(lo, v);
                    hi = Math.max(hi, v);
                }
            }
        }
        for (double v : extra) {
            lo = Math.min(lo, v);
            hi = Math.max(hi, v);
        }
        return new double[] {lo, hi};
    }

    /** A linear map from data to pixels. */
    private record Scale(double lo, double hi, double from, double to) {
        double map(double v) {
            return from + (v - lo) / (hi - lo) * (to - from);
        }
    }

    /** A pixel coordinate with one decimal, independent of the locale. */
    static String num(double v) {
        long tenths = Math.round(v * 10);
        String sign = tenths < 0 ? "-" : "";
        long a = Math.abs(tenths);
        return a % 10 == 0 ? sign + a / 10 : sign + a / 10 + "." + a % 10;
    }
}
