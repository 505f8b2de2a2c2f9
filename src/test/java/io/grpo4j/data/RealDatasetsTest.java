package io.grpo4j.data;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.grpo4j.testing.Shared;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Every built-in adapter on the real files in ../shared/datasets (row counts from their READMEs). */
class RealDatasetsTest {
    private static List<Problem> load(String file, String format) {
        return Datasets.load(DatasetSpec.of(Shared.path("datasets/" + file).toString(), format), null);
    }

    private static Map<String, Problem> byId(List<Problem> problems) {
        return problems.stream().collect(Collectors.toMap(Problem::id, Function.identity()));
    }

    @Test
    void gsm8kGoldIsTheTextAfterTheMarkWithCommasRemoved() {
        List<Problem> train = load("gsm8k/train.jsonl", "gsm8k");
        List<Problem> test = load("gsm8k/test.jsonl", "gsm8k");
        // Row counts as listed in the dataset README.
        assertEquals(7473, train.size());
        assertEquals(1319, test.size());
        Problem first = test.get(0);
        // No id column in GSM8K, so ids are source/line.
        assertEquals("gsm8k/test/1", first.id());
        assertEquals("gsm8k/test", first.source());
        assertTrue(first.question().startsWith("Janet\u2019s ducks lay 16 eggs per day."));
        assertEquals("18", first.answer()); // the line ends "#### 18"
        assertEquals(first.question(), first.columns().get("question"));
        assertTrue(((String) first.columns().get("answer")).endsWith("#### 18"), "the full solution stays a column");
        // Line 506 ends "#### 1,600", line 612 "#### 1,450,000", line 490 "#### -10".
        assertEquals("1600", test.get(505).answer());
        assertEquals("1450000", test.get(611).answer());
        assertEquals("-10", test.get(489).answer());
        // The README counts 79 + 14 answers with thousands separators: none survives.
        assertFalse(train.stream().anyMatch(p -> p.answer().contains(",")));
        assertTrue(train.stream().allMatch(p -> p.answer().matches("-?\\d+")), "every GSM8K gold answer is an integer");
    }

    @Test
    void math500GoldIsTheAnswerColumnAndTheIdIsTheUniqueId() {
        List<Problem> problems = load("math500/test.jsonl", "math");
        assertEquals(500, problems.size());
        Problem first = problems.get(0);
        assertEquals("test/precalculus/807.json", first.id());
        assertEquals("\\left( 3, \\frac{\\pi}{2} \\right)", first.answer());
        assertTrue(first.question().startsWith("Convert the point $(0,3)$ in rectangular coordinates"));
        assertEquals(2L, first.columns().get("level"));
        assertEquals("Precalculus", first.columns().get("subject"));
    }

    @Test
    void mathRowsWithoutAnAnswerTakeTheLastBoxedExpressionOfTheSolution(@TempDir Path dir) throws IOException {
        // Old MATH rows have only a solution: strip `answer` from the real MATH-500 rows and
        // compare what the loader extracts with the answer that was removed.
        ObjectMapper json = new ObjectMapper();
        Path original = Shared.path("datasets/math500/test.jsonl");
        List<String> stripped = new ArrayList<>();
        for (String line : Files.readAllLines(original)) {
            ObjectNode row = (ObjectNode) json.readTree(line);
            row.remove("answer");
            stripped.add(json.writeValueAsString(row));
        }
        Path file = dir.resolve("math500-no-answer.jsonl");
        Files.write(file, stripped);
        List<Problem> withAnswer = load("math500/test.jsonl", "math");
        List<Problem> fromBoxed = Datasets.load(DatasetSpec.of(file.toString(), "math"), null);
        assertEquals(500, fromBoxed.size());
        // Row 1: "...the polar coordinates are $\boxed{\left( 3, \frac{\pi}{2} \right)}.$" (nested braces).
        assertEquals(withAnswer.get(0).answer(), fromBoxed.get(0).answer());
        // The dataset README: "solution: the full worked solution. Its final answer is also
        // inside \boxed{...}", so the extraction must agree with the removed column on every row.
        for (int i = 0; i < 500; i++) {
            assertEquals(withAnswer.get(i).answer(), fromBoxed.get(i).answer(), "row " + (i + 1));
        }
    }

    @Test
    void aimeAnswersWithLeadingZerosBecomePlainIntegers() {
        Map<String, Problem> aime = byId(load("aime24/test.jsonl", "aime"));
        assertEquals(30, aime.size());
        assertEquals("25", aime.get("67").answer()); // written "025" in the file
        assertEquals("80", aime.get("85").answer()); // written "080": only leading zeros go
        assertEquals("025", aime.get("67").columns().get("answer"), "the raw column stays as written");
        assertTrue(aime.get("60").question().startsWith("Every morning Aya goes for a $9$-kilometer-long walk"));
    }

    @Test
    void amcFloatAnswersBecomePlainIntegers() {
        List<Problem> amc = load("amc23/test.jsonl", "aime");
        assertEquals(40, amc.size());
        assertEquals("27", amc.get(0).answer()); // 27.0 in the file
        assertEquals("36", amc.get(1).answer()); // 36.0
        assertEquals("-1", amc.get(15).answer()); // -1.0, the one negative answer
        assertEquals(27.0, amc.get(0).columns().get("answer"));
        assertEquals("0", amc.get(0).id());
    }

    @Test
    void genericJsonlTakesTheMappedColumnsAsTheyAre() {
        DatasetSpec spec = DatasetSpec.of(Shared.path("datasets/amc23/test.jsonl").toString(), "jsonl")
                .withFields("problem", "answer", "url");
        List<Problem> amc = Datasets.load(spec, null);
        assertEquals(40, amc.size());
        assertEquals("https://artofproblemsolving.com/wiki/index.php/2023_AMC_12A_Problems/Problem_1", amc.get(0).id());
        assertEquals("27", amc.get(0).answer());
        assertTrue(amc.get(0).question().startsWith("Cities $A$ and $B$ are $45$ miles apart."));

        // GSM8K read as plain JSONL: the answer is the whole solution, untouched.
        List<Problem> gsm = Datasets.load(DatasetSpec.of(Shared.path("datasets/gsm8k/test.jsonl").toString(), "jsonl"), null);
        assertTrue(gsm.get(0).answer().startsWith("Janet sells 16 - 3 - 4 = <<16-3-4=9>>9 duck eggs a day."));
    }

    @Test
    void limitKeepsTheFirstRowsInFileOrder() {
        DatasetSpec spec = DatasetSpec.of(Shared.path("datasets/gsm8k/train.jsonl").toString(), "gsm8k").withLimit(3);
        List<Problem> three = Datasets.load(spec, null);
        assertEquals(List.of("gsm8k/train/1", "gsm8k/train/2", "gsm8k/train/3"),
                three.stream().map(Problem::id).collect(Collectors.toList()));
    }
}
