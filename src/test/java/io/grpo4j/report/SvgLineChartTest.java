package io.grpo4j.report;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

class SvgLineChartTest {
    private static final Pattern PATH = Pattern.compile("<path class=\"line\" data-series=\"([^\"]*)\" data-points=\"(\\d+)\" d=\"([^\"]*)\"");

    record Drawn(String name, int declaredPoints, String d) {
        /** Points in the path data: each M (start of a segment) or L (continuation) is one. */
        int points() {
            return (int) d.chars().filter(c -> c == 'M' || c == 'L').count();
        }

        int segments() {
            return (int) d.chars().filter(c -> c == 'M').count();
        }
    }

    static List<Drawn> paths(String svg) {
        List<Drawn> out = new ArrayList<>();
        Matcher m = PATH.matcher(svg);
        while (m.find()) {
            out.add(new Drawn(m.group(1), Integer.parseInt(m.group(2)), m.group(3)));
        }
        return out;
    }

    private static double[] steps(int n) {
        double[] x = new double[n];
        for (int i = 0; i < n; i++) {
            x[i] = i + 1;
        }
        return x;
    }

    @Test
    void onePathPerSeriesWithOnePointPerValueAndLabelledAxes() {
        Series a = new Series("total", steps(30), new double[30]);
        double[] y = new double[30];
        for (int i = 0; i < 30; i++) {
            y[i] = Math.sqrt(i);
            a.y()[i] = i * 0.01;
        }
        Series b = new Series("accuracy", steps(30), y);
        String svg = SvgLineChart.render(LineChart.of("Reward", "step", "reward", List.of(a, b)));
        List<Drawn> drawn = paths(svg);
        assertEquals(2, drawn.size(), svg);
        assertEquals("total", drawn.get(0).name());
        assertEquals("accuracy", drawn.get(1).name());
        for (Drawn d : drawn) {
            assertEquals(30, d.points());
            assertEquals(30, d.declaredPoints());
            assertEquals(1, d.segments());
        }
        assertTrue(svg.startsWith("<svg xmlns=\"http://www.w3.org/2000/svg\""), svg);
        assertTrue(svg.contains("class=\"axis-title x-title\"") && svg.contains(">step</text>"), "x axis title");
        assertTrue(svg.contains("class=\"axis-title y-title\"") && svg.contains(">reward</text>"), "y axis title");
        assertTrue(svg.contains("class=\"legend\""), "two series get a legend");
        assertTrue(svg.contains(">total</text>") && svg.contains(">accuracy</text>"), "legend names");
        // ticks: y from 0 to sqrt(29) ~ 5.39 in steps of 2 → 0..6; x steps 1..30 every 5
        for (String tick : new String[] {">0</text>", ">2</text>", ">6</text>", ">5</text>", ">30</text>"}) {
            assertTrue(svg.contains(tick), "tick label " + tick);
        }
    }

    @Test
    void nanValuesBreakTheLineAndAnIsolatedPointGetsADot() {
        double nan = Double.NaN;
        Series s = new Series("kl", steps(7), new double[] {nan, 0.1, 0.2, nan, 0.3, nan, Double.POSITIVE_INFINITY});
        String svg = SvgLineChart.render(LineChart.of("KL", "step", "kl", List.of(s)));
        Drawn d = paths(svg).get(0);
        assertEquals(3, d.points(), d.d());
        assertEquals(2, d.segments(), "the gap at step 4 starts a new segment: " + d.d());
        assertTrue(d.d().matches("M[0-9.]+,[0-9.]+L[0-9.]+,[0-9.]+M[0-9.]+,[0-9.]+"), d.d());
        assertFalse(svg.contains("NaN") || svg.contains("Infinity"), svg);
        assertFalse(svg.contains("class=\"legend\""), "one series needs no legend");
    }

    @Test
    void aSinglePointIsDrawnAsADotOnAValidAxis() {
        String svg = SvgLineChart.render(LineChart.of("pass@1", "step", "rate", List.of(new Series("pass@1", new double[] {0},
                new double[] {0.25}))));
        Drawn d = paths(svg).get(0);
        assertEquals(1, d.points());
        assertTrue(svg.contains("<circle"), "a lone point needs a dot to be seen");
        assertFalse(svg.contains("NaN"), svg);
    }

    @Test
    void aConstantSeriesGetsARangeAroundItsValue() {
        double[] y = {0.001, 0.001, 0.001, 0.001};
        String svg = SvgLineChart.render(LineChart.of("lr", "step", "lr", List.of(new Series("lr", steps(4), y))));
        Drawn d = paths(svg).get(0);
        assertEquals(4, d.points());
        assertFalse(svg.contains("NaN") || svg.contains("Infinity"), svg);
        // the line sits inside the plot, not on its edge: its y is strictly between top and bottom
        double py = Double.parseDouble(d.d().substring(d.d().indexOf(',') + 1, d.d().indexOf('L')));
        assertTrue(py > 40 && py < SvgLineChart.HEIGHT - 45, "y pixel " + py);
        String zeros = SvgLineChart.render(LineChart.of("kl", "step", "kl", List.of(new Series("kl", steps(4), new double[4]))));
        assertEquals(4, paths(zeros).get(0).points());
        assertTrue(zeros.contains(">1</text>"), "an all-zero series gets the axis 0..1");
    }

    @Test
    void anEmptyChartSaysNoDataAndWhy() {
        double nan = Double.NaN;
        LineChart chart = LineChart.of("KL", "step", "kl", List.of(new Series("kl", steps(2), new double[] {nan, nan})))
                .emptyNote("kl is logged when grpo.beta > 0");
        String svg = SvgLineChart.render(chart);
        assertTrue(chart.empty());
        assertTrue(svg.contains(">no data</text>"), svg);
        assertTrue(svg.contains("kl is logged when grpo.beta &gt; 0"), svg);
        assertFalse(svg.contains("<path"), svg);
        assertTrue(svg.contains(">step</text>") && svg.contains(">kl</text>"), "axis titles even without data");
        assertTrue(SvgLineChart.render(LineChart.of("none", "step", "y", List.of())).contains("no data"));
    }

    @Test
    void textIsEscaped() {
        String svg = SvgLineChart.render(LineChart.of("a <b>title</b>", "step", "y & z",
                List.of(new Series("<script>x</script>", steps(2), new double[] {1, 2}), new Series("b", steps(2), new double[] {2, 1}))));
        assertFalse(svg.contains("<b>") || svg.contains("<script>"), svg);
        assertTrue(svg.contains("a &lt;b&gt;title&lt;/b&gt;") && svg.contains("y &amp; z") && svg.contains("&lt;script&gt;x"), svg);
    }

    @Test
    void tickLabelsAreShortAndLocaleFree() {
        assertEquals("0.25", Ticks.label(0.25, 0.25));
        assertEquals("0.5", Ticks.label(0.5, 0.5));
        assertEquals("1,200", Ticks.label(1200, 200));
        assertEquals("2e-4", Ticks.label(2e-4, 1e-4));
        assertEquals("1.5e-6", Ticks.label(1.5e-6, 5e-7));
        assertEquals("0", Ticks.label(0, 1e-4));
        assertEquals(2.5, Ticks.niceSpacing(2.3));
        assertEquals(0.05, Ticks.niceSpacing(0.04), 1e-15);
        Ticks.Axis axis = Ticks.of(0.03, 0.97, 5, true, false);
        assertEquals(List.of(0.0, 0.2, 0.4, 0.6, 0.8, 1.0), axis.ticks());
        assertEquals(List.of(1.0, 2.0, 3.0), Ticks.of(1, 3, 6, false, true).ticks(), "steps tick at whole numbers");
    }
}
