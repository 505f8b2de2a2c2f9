package io.grpo4j.report;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Opens a report in headless Chromium (Debian's chromium package) and checks what a person
 * would see: every plot drawn with labelled axes, no script errors, filters from the address
 * that change the monologues shown, model text shown as text. Saves a screenshot to
 * target/report-screenshot.png (and the page itself to target/report-browser-test.html).
 */
class ReportBrowserTest {
    private static final Path CHROMIUM = Path.of("/usr/bin/chromium");
    private static final Path SCREENSHOT = Path.of("target/report-screenshot.png");
    private static final Path ARTEFACT = Path.of("target/report-browser-test.html");
    private static final long TIMEOUT_SECONDS = 180; // a busy 2-core machine starts Chromium slowly

    @TempDir static Path tmp;
    static Path report;
    static List<ObjectNode> rollouts;

    @BeforeAll
    static void writeReport() throws IOException {
        if (!Files.isExecutable(CHROMIUM)) {
            fail("headless Chromium is missing at " + CHROMIUM + ": install Debian's chromium package "
                    + "(apt-get install -y chromium; .ci/run does this) to run the report's browser test");
        }
        Path run = tmp.resolve("runs/browser");
        rollouts = RunFixture.write(run);
        report = HtmlReport.write(run);
        Files.createDirectories(ARTEFACT.getParent());
        Files.copy(report, ARTEFACT, java.nio.file.StandardCopyOption.REPLACE_EXISTING); // to open by hand
    }

    /** What Chromium printed: the DOM after the page's script ran, and its log (console included). */
    record Page(String dom, String log) {}

    /** Opens the report with {@code fragment} appended to its URL and dumps the DOM. */
    private static Page open(String fragment) throws Exception {
        return chromium(fragment, "--dump-dom");
    }

    private static Page chromium(String fragment, String... extra) throws Exception {
        Path profile = Files.createTempDirectory(tmp, "profile");
        Path stdout = tmp.resolve(profile.getFileName() + ".out");
        Path stderr = tmp.resolve(profile.getFileName() + ".err");
        List<String> cmd = new ArrayList<>(List.of(CHROMIUM.toString(), "--headless", "--no-sandbox", "--disable-gpu",
                "--disable-quic", "--no-first-run", "--disable-background-networking", "--disable-component-update",
                "--disable-sync", "--user-data-dir=" + profile, "--enable-logging=stderr", "--v=0",
                "--virtual-time-budget=5000"));
        cmd.addAll(List.of(extra));
        cmd.add(report.toUri() + fragment);
        Process p = new ProcessBuilder(cmd).redirectOutput(stdout.toFile()).redirectError(stderr.toFile()).start();
        if (!p.waitFor(TIMEOUT_SECONDS, TimeUnit.SECONDS)) {
            p.descendants().forEach(ProcessHandle::destroyForcibly);
            p.destroyForcibly();
            fail("chromium did not finish in " + TIMEOUT_SECONDS + " s; its log:\n" + Files.readString(stderr));
        }
        String log = Files.readString(stderr, StandardCharsets.UTF_8);
        assertEquals(0, p.exitValue(), "chromium failed:\n" + log);
        return new Page(Files.readString(stdout, StandardCharsets.UTF_8), log);
    }

    private static void assertNoErrors(Page page) {
        assertTrue(page.dom().contains("data-ready=\"true\""), "the page script ran to its end; DOM starts: "
                + page.dom().substring(0, Math.min(600, page.dom().length())) + "\nlog:\n" + page.log());
        assertTrue(page.dom().contains("<body data-errors=\"\""), "errors caught by the page: "
                + page.dom().substring(page.dom().indexOf("<body"), page.dom().indexOf("<body") + 400));
        assertFalse(page.log().contains("Uncaught"), page.log());
        for (String line : page.log().lines().toList()) {
            assertFalse(line.contains(":CONSOLE") && line.contains("rror"), "console: " + line);
        }
    }

    private static int attribute(String dom, String name) {
        Matcher m = Pattern.compile("id=\"list\"[^>]*" + name + "=\"(\\d+)\"").matcher(dom);
        assertTrue(m.find(), name + " on #list");
        return Integer.parseInt(m.group(1));
    }

    @Test
    void everyPlotIsDrawnWithLabelledAxes() throws Exception {
        Page page = open("");
        assertNoErrors(page);
        String dom = page.dom();
        String[] figures = dom.split("<figure class=\"plot");
        assertEquals(15, figures.length, "14 plots");
        for (int i = 1; i < figures.length; i++) {
            String fig = figures[i].substring(0, figures[i].indexOf("</figure>"));
            String title = fig.replaceAll("(?s).*?<title>(.*?)</title>.*", "$1");
            assertTrue(fig.contains("<path class=\"line\""), title + ": no line drawn");
            assertTrue(fig.matches("(?s).*class=\"axis-title x-title\"[^>]*>step</text>.*"), title + ": x axis title");
            assertTrue(fig.matches("(?s).*class=\"axis-title y-title\"[^>]*>[^<]+</text>.*"), title + ": y axis title");
            assertTrue(fig.split("class=\"tick\"").length > 4, title + ": tick labels");
        }
        assertEquals(96, attribute(dom, "data-matching"), "no filter: every completion");
        assertTrue(dom.contains("96 of 96 completions match, in 24 groups"), "count line");
    }

    @Test
    void filtersInTheAddressChangeWhatIsShown() throws Exception {
        long correct = rollouts.stream().filter(o -> o.get("rewards").get("accuracy").asDouble() == 1).count();
        long lastStepFormatFail = rollouts.stream()
                .filter(o -> o.get("step").asInt() == RunFixture.STEPS && o.get("rewards").get("format").asDouble() != 1).count();
        assertTrue(correct > 0 && correct < 96, "the fixture has both: " + correct);
        Page all = open("");
        Page onlyCorrect = open("#filter=correct");
        Page lastFailing = open("?step=last#format=fail");
        Page zero = open("#filter=zero-variance");
        assertNoErrors(onlyCorrect);
        assertEquals(96, attribute(all.dom(), "data-matching"));
        assertEquals(correct, attribute(onlyCorrect.dom(), "data-matching"));
        assertEquals(Math.min(correct, 40 * 4), attribute(onlyCorrect.dom(), "data-rendered"));
        assertEquals(lastStepFormatFail, attribute(lastFailing.dom(), "data-matching"));
        Map<String, Set<Double>> rewardsByGroup = new HashMap<>();
        rollouts.forEach(o -> rewardsByGroup.computeIfAbsent(o.get("prompt_id").asText(), k -> new HashSet<>())
                .add(o.get("reward").asDouble()));
        long flat = rewardsByGroup.values().stream().filter(r -> r.size() == 1).count();
        assertTrue(flat >= 1, "step 6 has an all-correct group");
        assertEquals(flat * RunFixture.G, attribute(zero.dom(), "data-matching"), "zero-variance groups");
        // the visible cards follow the count: every rendered sample is marked correct
        String list = onlyCorrect.dom().substring(onlyCorrect.dom().indexOf("id=\"list\""));
        assertEquals(correct, list.split("class=\"sample correct\"").length - 1);
        assertEquals(0, list.split("class=\"sample wrong\"").length - 1);
    }

    @Test
    void modelTextIsShownAsTextNotMarkup() throws Exception {
        Page page = open("#q=alert(1)");
        assertNoErrors(page);
        assertEquals(1, attribute(page.dom(), "data-matching"), "one completion has the text");
        String list = page.dom().substring(page.dom().indexOf("id=\"list\""));
        assertTrue(list.contains("<pre class=\"think\">&lt;/script&gt;&lt;script&gt;alert(1)&lt;/script&gt; &lt;b&gt;bold&lt;/b&gt;</pre>"),
                list.substring(0, Math.min(3000, list.length())));
        assertFalse(list.contains("<b>bold</b>"), "no element made from model text");
        assertEquals(2, page.dom().split("<script").length - 1, "no script element injected");
    }

    @Test
    void screenshot() throws Exception {
        Files.createDirectories(SCREENSHOT.getParent());
        Files.deleteIfExists(SCREENSHOT);
        Page page = chromium("", "--screenshot=" + SCREENSHOT.toAbsolutePath(), "--window-size=1280,2400", "--hide-scrollbars");
        assertFalse(page.log().contains("Uncaught"), page.log());
        assertTrue(Files.size(SCREENSHOT) > 50_000, "a screenshot with content: " + Files.size(SCREENSHOT) + " bytes");
        byte[] head = Files.readAllBytes(SCREENSHOT);
        assertEquals((byte) 0x89, head[0]);
        assertEquals("PNG", new String(head, 1, 3, StandardCharsets.US_ASCII));
    }
}
