package io.grpo4j.report;

import java.util.List;

/**
 * What a line chart shows; {@link SvgLineChart} draws it.
 *
 * @param title shown above the plot
 * @param xTitle the x axis title
 * @param yTitle the y axis title
 * @param series the lines, drawn in order with the colours of {@link SvgLineChart#COLORS}
 * @param yInclude values the y axis always covers (0 for counts, 0 and 1 for rates), may be empty
 * @param xRange {@code {min, max}} the x axis covers at least, so charts of one run line up; may be empty
 * @param emptyNote why there is nothing to draw, shown under "no data" when no series has a point
 */
public record LineChart(String title, String xTitle, String yTitle, List<Series> series, double[] yInclude,
        double[] xRange, String emptyNote) {

    public static LineChart of(String title, String xTitle, String yTitle, List<Series> series) {
        return new LineChart(title, xTitle, yTitle, List.copyOf(series), new double[0], new double[0], null);
    }

    public LineChart includeY(double... values) {
        return new LineChart(title, xTitle, yTitle, series, values, xRange, emptyNote);
    }

    public LineChart xRange(double min, double max) {
        return new LineChart(title, xTitle, yTitle, series, yInclude, new double[] {min, max}, emptyNote);
    }

    public LineChart emptyNote(String note) {
        return new LineChart(title, xTitle, yTitle, series, yInclude, xRange, note);
    }

    /** True when no series has a point to draw. */
    public boolean empty() {
        return series.stream().allMatch(s -> s.finitePoints() == 0);
    }
}
