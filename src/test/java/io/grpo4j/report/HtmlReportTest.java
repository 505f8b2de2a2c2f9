package io.grpo4j.report;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class HtmlReportTest {
    private static int count(String s, String part) {
        return (s.length() - s.replace(part, "").length()) / part.length();
    }

    @Test
    void writesOneSelfContainedFileWithEveryPlot(@TempDir Path tmp) throws IOException {
        Path run = tmp.resolve("runs/fixture");
        RunFixture.write(run);
        Path out = HtmlReport.write(run);
        assertEquals(run.resolve("report.html"), out);
        String html = Files.readString(out);
        assertEquals(14, count(html, "<figure class=\"plot"), "one figure per chart");
        assertEquals(0, count(html, "<figure class=\"plot empty"), "the fixture has every metric");
        assertEquals(14, count(html, "<svg "));
        for (String title : new String[] {"Reward: total and per rule", "Held-out accuracy", "Completion length", "Clipped completions",
            "KL to the reference policy", "Entropy", "Clip ratios", "Gradient norm", "Learning rate", "Time per step", "Log-prob gap"}) {
            assertTrue(html.contains(">" + title), title);
        }
        // self-contained: nothing is fetched (the only URL is the SVG namespace, which is a name)
        assertFalse(html.matches("(?s).*(src=|href=|@import|url\\().*"), "no external resources");
        assertEquals(0, count(html.replace("http://www.w3.org/2000/svg", ""), "http"), "no links out");
        // header: name and key settings
        assertTrue(html.contains("<h1>fixture-run</h1>"));
        assertTrue(html.contains("<dt>group size G</dt><dd>4</dd>"), "settings from config.json");
        assertTrue(html.contains("models/tiny-&lt;b&gt;model&lt;/b&gt;"), "config text escaped");
        // the reward chart has total + format + accuracy; eval has pass@1 + format rate at 4 points
        assertTrue(html.contains("data-series=\"accuracy\" data-points=\"12\""), html.substring(0, 2000));
        assertTrue(html.contains("data-series=\"pass@1\" data-points=\"4\""));
        assertTrue(html.contains("data-series=\"kl\" data-points=\"11\""), "the NaN at step 1 is a gap");
        try (Stream<Path> files = Files.list(run)) {
            assertEquals(List.of(), files.filter(p -> p.getFileName().toString().endsWith(".tmp")).toList(), "temp file moved away");
        }
    }

    @Test
    void modelTextCannotBreakOutOfTheDataScript(@TempDir Path tmp) throws IOException {
        Path run = tmp.resolve("runs/fixture");
        RunFixture.write(run);
        String html = Files.readString(HtmlReport.write(run));
        assertEquals(2, count(html, "<script"), "the data element and the page's own script, nothing injected");
        assertEquals(2, count(html, "</script>"));
        assertFalse(html.contains("alert(1)</script>"));
        assertFalse(html.contains("<b>bold"));
        // the data element holds valid JSON that still has the text, character for character
        Matcher m = Pattern.compile("<script type=\"application/json\" id=\"rollout-data\">(.*?)</script>", Pattern.DOTALL).matcher(html);
        assertTrue(m.find());
        assertFalse(m.group(1).contains("<"), "no '<' at all inside the data element");
        JsonNode data = JsonlReader.JSON.readTree(m.group(1));
        assertEquals(96, data.get("rows").size());
        assertEquals(2, data.get("prompts").size(), "prompts stored once each");
        boolean found = false;
        for (JsonNode row : data.get("rows")) {
            found |= RunFixture.EVIL.equals(row.get("think").asText(null));
        }
        assertTrue(found, "the hostile completion is kept verbatim for textContent");
        assertEquals("accuracy", data.get("correctnessRule").asText());
        // the page script never hands data to innerHTML
        String js = HtmlReport.resource("report.js");
        assertFalse(js.contains("innerHTML") || js.contains("insertAdjacentHTML") || js.contains("document.write"));
    }

    @Test
    void whateverCanBeShownIsShown(@TempDir Path tmp) throws IOException {
        Path run = Files.createDirectories(tmp.resolve("runs/bare"));
        Files.writeString(run.resolve("metrics.jsonl"), "{\"step\":1,\"reward\":0.25,\"kl\":NaN}\n{\"step\":2,\"rew");
        List<String> warned = new java.util.ArrayList<>();
        Path out = HtmlReport.write(run, tmp.resolve("elsewhere/r.html"), warned::add);
        assertEquals(tmp.resolve("elsewhere/r.html"), out);
        String html = Files.readString(out);
        assertTrue(html.contains("<h1>bare</h1>"));
        assertEquals(4, count(html, "<li>"), "four warnings shown in the page: " + warned);
        assertTrue(warned.get(0).startsWith("1 unreadable line skipped in " + run.resolve("metrics.jsonl")), warned.toString());
        assertTrue(html.contains("no rollouts.jsonl in"));
        assertTrue(html.contains("No completions logged"));
        assertTrue(html.contains("data-series=\"total\" data-points=\"1\""), "a single step is drawn");
        assertTrue(html.contains(">no data</text>"), "charts without their metric say so");
    }

    @Test
    void aSampledMonologueSetSaysSo(@TempDir Path tmp) throws IOException {
        Path run = tmp.resolve("runs/fixture");
        RunFixture.write(run);
        RolloutSample few = RolloutSample.read(run.resolve("rollouts.jsonl"), 10_000); // a few steps' worth
        assertTrue(few.sampled());
        String html = HtmlReport.html(RunData.load(run), few, List.of(), null);
        assertTrue(html.contains("rollouts.jsonl holds 96 completions over 12 steps; to keep this page small it embeds every completion of "
                + few.shownSteps().size() + " evenly spaced steps (" + HtmlReport.stepList(few.shownSteps()) + ")"), html);
        assertTrue(few.shownSteps().contains(12));
    }

    @Test
    void writingAgainReplacesTheReport(@TempDir Path tmp) throws IOException {
        Path run = tmp.resolve("runs/fixture");
        RunFixture.write(run);
        HtmlReport.write(run);
        Files.writeString(run.resolve("metrics.jsonl"), Files.readString(run.resolve("metrics.jsonl"))
                .replace("\"step\":12,", "\"step\":13,"));
        String html = Files.readString(HtmlReport.write(run));
        assertTrue(html.contains("12 steps logged (1–13)"), html.substring(0, 3000));
    }
}
