package io.grpo4j.report;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;

/**
 * The run report: one self-contained HTML file (inline CSS, SVG and script; nothing fetched) with
 * the run's settings, its curves over steps, and a browser for the logged monologues.
 *
 * <pre>{@code
 * Path html = HtmlReport.write(Path.of("runs/exp7"));   // runs/exp7/report.html
 * }</pre>
 */
public final class HtmlReport {
    public static final String FILE_NAME = "report.html";
    private static final String RESOURCES = "/io/grpo4j/report/";
    private static final DateTimeFormatter WHEN = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm 'UTC'").withZone(ZoneOffset.UTC);

    private HtmlReport() {}

    /**
     * Writes {@code runDir/report.html}, replacing an older one atomically, and returns its path.
     * Warnings (skipped lines, missing optional files) are shown in the page only.
     *
     * @throws RunInputException when the directory or its metrics.jsonl is missing or empty
     */
    public static Path write(Path runDir) throws IOException {
        return write(runDir, runDir.resolve(FILE_NAME), warning -> {});
    }

    /**
     * Writes the report of {@code runDir} to {@code out} (a temporary file beside it, then an
     * atomic rename, so a reader never sees half a report) and returns {@code out}. Each warning
     * also goes to {@code warn}.
     */
    public static Path write(Path runDir, Path out, Consumer<String> warn) throws IOException {
        RunData run = RunData.load(runDir);
        RolloutSample rollouts = RolloutSample.read(runDir.resolve(RunData.ROLLOUTS), RolloutSample.DEFAULT_BUDGET);
        List<String> warnings = new ArrayList<>(run.warnings());
        if (rollouts.warning() != null) {
            warnings.add(rollouts.warning());
        }
        if (!Files.isRegularFile(runDir.resolve(RunData.ROLLOUTS))) {
            warnings.add("no " + RunData.ROLLOUTS + " in " + runDir + ": no monologues to show");
        }
        warnings.forEach(warn);
        String html = html(run, rollouts, warnings, Instant.now());
        Path dir = out.toAbsolutePath().getParent();
        Files.createDirectories(dir);
        Path tmp = dir.resolve("." + out.getFileName() + "." + ProcessHandle.current().pid() + ".tmp");
        try {
            Files.writeString(tmp, html, StandardCharsets.UTF_8); // created with the usual permissions, unlike createTempFile
            try {
                Files.move(tmp, out, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
            } catch (AtomicMoveNotSupportedException e) {
                Files.move(tmp, out, StandardCopyOption.REPLACE_EXISTING);
            }
        } finally {
            Files.deleteIfExists(tmp);
        }
        return out;
    }

    /** The page's text. */
    static String html(RunData run, RolloutSample rollouts, List<String> warnings, Instant written) {
        StringBuilder h = new StringBuilder(1 << 16);
        h.append("<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n")
                .append("<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n")
                .append("<title>").append(Html.escape(run.name())).append(" · grpo4j report</title>\n")
                .append("<style>\n").append(resource("report.css")).append("</style>\n</head>\n")
                .append("<body data-errors=\"\">\n")
                .append("<div id=\"errors\" class=\"errors\" hidden></div>\n");
        ReportHeader.append(h, run, rollouts, warnings, written == null ? "" : WHEN.format(written));
        h.append("<section id=\"plots\">\n<h2>Training curves</h2>\n<div class=\"plots\">\n");
        for (LineChart chart : ReportCharts.of(run)) {
            h.append("<figure class=\"plot").append(chart.empty() ? " empty" : "").append("\">\n")
                    .append(SvgLineChart.render(chart)).append("\n</figure>\n");
        }
        h.append("</div>\n</section>\n");
        monologueSection(h, run, rollouts);
        if (run.config() != null) {
            h.append("<section id=\"config\">\n<details>\n<summary>config.json (resolved, every default spelled out)</summary>\n<pre>")
                    .append(Html.escape(pretty(run.config()))).append("</pre>\n</details>\n</section>\n");
        }
        h.append("<script type=\"application/json\" id=\"rollout-data\">").append(MonologueData.json(rollouts))
                .append("</script>\n");
        h.append("<script>\n").append(resource("report.js")).append("</script>\n</body>\n</html>\n");
        return h.toString();
    }

    private static void monologueSection(StringBuilder h, RunData run, RolloutSample rollouts) {
        h.append("<section id=\"monologues\">\n<h2>Monologues</h2>\n");
        if (rollouts.totalRows() == 0) {
            h.append("<p class=\"note\">No completions logged (rollouts.jsonl is missing or empty).</p>\n");
        } else {
            h.append("<p class=\"note\">");
            if (rollouts.sampled()) {
                h.append("rollouts.jsonl holds ").append(String.format(java.util.Locale.ROOT, "%,d", rollouts.totalRows())).append(" completions over ")
                        .append(rollouts.allSteps().size()).append(" steps; to keep this page small it embeds every completion of ")
                        .append(rollouts.shownSteps().size()).append(" evenly spaced steps (").append(stepList(rollouts.shownSteps()))
                        .append("). <code>grpo4j inspect RUN --step N</code> shows any step.");
            } else {
                h.append(String.format(java.util.Locale.ROOT, "%,d", rollouts.totalRows())).append(" completions over ").append(rollouts.allSteps().size())
                        .append(rollouts.allSteps().size() == 1 ? " step." : " steps.");
            }
            JsonNode c = run.config();
            if (c != null) {
                int logged = c.path("run").path("rollouts_per_step").asInt(-1);
                int perStep = c.path("grpo").path("prompts_per_step").asInt(0) * c.path("grpo").path("num_generations").asInt(0);
                if (logged >= 0 && perStep > 0 && logged < perStep) {
                    h.append(" The trainer logs a random ").append(logged).append(" of the ").append(perStep)
                            .append(" completions of each step (run.rollouts_per_step), so a group may show fewer than its ")
                            .append(c.path("grpo").path("num_generations").asInt()).append(" samples.");
                }
            }
            h.append(" Filters can be set in the address: <code>#filter=correct</code>, <code>#step=last&amp;q=text</code>.</p>\n");
        }
        h.append(resource("filters.html"));
        h.append("<p id=\"count\" class=\"count\"></p>\n<div id=\"list\" class=\"list\"></div>\n")
                .append("<button type=\"button\" id=\"more\" class=\"more\" hidden>show more</button>\n</section>\n");
    }

    static String stepList(List<Integer> steps) {
        if (steps.size() <= 12) {
            return String.join(", ", steps.stream().map(String::valueOf).toList());
        }
        return steps.subList(0, 6).stream().map(String::valueOf).reduce((a, b) -> a + ", " + b).orElse("") + ", …, "
                + steps.get(steps.size() - 1);
    }

    private static String pretty(JsonNode config) {
        try {
            return JsonlReader.JSON.writerWithDefaultPrettyPrinter().writeValueAsString(config);
        } catch (JsonProcessingException e) {
            return config.toString();
        }
    }

    /** A text file shipped in the jar beside this class (the page's CSS, script and filter form). */
    static String resource(String name) {
        try (InputStream in = HtmlReport.class.getResourceAsStream(RESOURCES + name)) {
            if (in == null) {
                throw new IllegalStateException("missing resource " + RESOURCES + name + " (a broken build?)");
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read resource " + RESOURCES + name, e);
        }
    }
}
