package io.grpo4j.report;

/**
 * One line of a chart: y against x, point by point. A NaN or infinite y leaves a gap.
 *
 * @param name the legend entry
 */
public record Series(String name, double[] x, double[] y) {
    public Series {
        if (x.length != y.length) {
            throw new IllegalArgumentException("series " + name + ": " + x.length + " x values but " + y.length + " y values");
        }
    }

    /** The number of points with a finite x and y: the points that are drawn. */
    public int finitePoints() {
        int n = 0;
        for (int i = 0; i < x.length; i++) {
            if (Double.isFinite(x[i]) && Double.isFinite(y[i])) {
                n++;
            }
        }
        return n;
    }
}
