package io.grpo4j.data;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Bad rows name file, line and field; under on_bad_row: skip they are counted, never silently dropped. */
class BadInputTest {
    private static final String HINT = " (fix the row, or set on_bad_row: skip to skip such rows with a warning)";

    @TempDir Path dir;

    private Path file(String name, String... lines) throws IOException {
        Path f = dir.resolve(name);
        Files.write(f, List.of(lines));
        return f;
    }

    private static BadRowException bad(Path f, String format) {
        return assertThrows(BadRowException.class, () -> Datasets.load(DatasetSpec.of(f.toString(), format), null));
    }

    @Test
    void malformedJsonNamesFileAndLine() throws IOException {
        Path f = file("a.jsonl", "{\"question\": \"1+1\", \"answer\": \"2\"}", "{\"question\": \"2+2\", ");
        BadRowException e = bad(f, "jsonl");
        assertEquals(2, e.line());
        assertEquals(null, e.field());
        // Column 21 is just past the last character: the object never closes.
        assertEquals(f + " line 2: not valid JSON at column 21: Unexpected end-of-input within/between Object entries" + HINT,
                e.getMessage());
    }

    @Test
    void aLineThatIsNotAnObjectIsReported() throws IOException {
        Path f = file("a.jsonl", "[1, 2]");
        assertEquals(f + " line 1: expected a JSON object, found array" + HINT, bad(f, "jsonl").getMessage());
    }

    @Test
    void missingFieldIsNamedWithTheColumnsTheRowHas() throws IOException {
        Path f = file("a.jsonl", "{\"question\": \"1+1\", \"answer\": \"2\"}", "", "{\"question\": \"2+2\", \"solution\": \"4\"}");
        BadRowException e = bad(f, "jsonl");
        // Line 3: the blank line 2 still counts, so the number matches an editor's.
        assertEquals(3, e.line());
        assertEquals("answer", e.field());
        assertEquals(f + " line 3, field 'answer': is missing (the row has question, solution)" + HINT, e.getMessage());
    }

    @Test
    void formatSpecificProblemsNameTheirField() throws IOException {
        Path gsm = file("gsm.jsonl", "{\"question\": \"q\", \"answer\": \"It is 4.\"}");
        assertEquals(gsm + " line 1, field 'answer': expected a solution ending in '#### <final answer>', found no '####'" + HINT,
                bad(gsm, "gsm8k").getMessage());
        Path aime = file("aime.jsonl", "{\"problem\": \"q\", \"answer\": \"seven\"}");
        assertEquals(aime + " line 1, field 'answer': expected a number, found 'seven'" + HINT, bad(aime, "aime").getMessage());
        Path countdown = file("cd.jsonl", "{\"target\": 10, \"nums\": [1, \"x\"]}");
        assertEquals(countdown + " line 1, field 'nums': expected a list of integers, item 1 is x" + HINT,
                bad(countdown, "countdown").getMessage());
        Path arithmetic = file("ar.jsonl", "{\"question\": \"2+2\", \"answer\": 5, \"a\": 2, \"b\": 2, \"op\": \"+\"}");
        assertEquals(arithmetic + " line 1, field 'answer': is 5 but 2+2 = 4" + HINT, bad(arithmetic, "arithmetic").getMessage());
        Path math = file("math.jsonl", "{\"problem\": \"q\", \"solution\": \"so it is 4\"}");
        assertEquals(math + " line 1, field 'solution': has no \\boxed{...} answer, and the row has no 'answer' field" + HINT,
                bad(math, "math").getMessage());
    }

    @Test
    void duplicateIdsAreReportedWithTheFirstLine() throws IOException {
        Path f = file("a.jsonl",
                "{\"id\": \"x\", \"question\": \"1+1\", \"answer\": \"2\"}",
                "{\"id\": \"y\", \"question\": \"1+2\", \"answer\": \"3\"}",
                "{\"id\": \"x\", \"question\": \"1+3\", \"answer\": \"4\"}");
        assertEquals(f + " line 3, field 'id': duplicate id 'x' (first on line 1)" + HINT, bad(f, "jsonl").getMessage());
    }

    @Test
    void emptyFileIsAnErrorEvenWhenSkipping() throws IOException {
        Path f = file("empty.jsonl", "", "  ");
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> Datasets.load(DatasetSpec.of(f.toString(), "jsonl").withOnBadRow("skip"), null));
        assertEquals(f + " is empty: expected one JSON object per line", e.getMessage());
    }

    @Test
    void missingFileSaysWhereItLooked() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> Datasets.load(DatasetSpec.of("nope.jsonl", "jsonl"), dir));
        assertEquals("dataset file not found: " + dir.resolve("nope.jsonl").toAbsolutePath()
                + " (relative paths are resolved against the config's folder)", e.getMessage());
    }

    @Test
    void skipLeavesBadRowsOutAndCountsThem() throws IOException {
        Path f = file("a.jsonl",
                "{\"id\": \"a\", \"question\": \"1+1\", \"answer\": \"2\"}",
                "not json",
                "{\"id\": \"b\", \"question\": \"1+2\"}",
                "{\"id\": \"a\", \"question\": \"1+3\", \"answer\": \"4\"}",
                "{\"id\": \"c\", \"question\": \"1+4\", \"answer\": \"5\"}");
        DatasetSpec spec = DatasetSpec.of(f.toString(), "jsonl").withOnBadRow("skip");
        LoadReport report = Datasets.read(f, spec, null);
        assertEquals(List.of("a", "c"), report.problems().stream().map(Problem::id).collect(Collectors.toList()));
        // Lines 2 (not JSON), 3 (no answer) and 4 (id 'a' again) are each accounted for.
        assertEquals(3, report.skipped().size());
        assertEquals(f + " line 3, field 'answer': is missing (the row has id, question)", report.skipped().get(1));
        assertEquals(f + " line 4, field 'id': duplicate id 'a' (first on line 1)", report.skipped().get(2));
    }

    @Test
    void allRowsBadIsAnErrorEvenWhenSkipping() throws IOException {
        Path f = file("a.jsonl", "{\"question\": \"1+1\"}");
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> Datasets.load(DatasetSpec.of(f.toString(), "jsonl").withOnBadRow("skip"), null));
        assertEquals("no usable rows in " + f + ": all 1 rows were bad; first: " + f
                + " line 1, field 'answer': is missing (the row has question)", e.getMessage());
    }
}
