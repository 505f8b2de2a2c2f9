package io.grpo4j.data;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.grpo4j.testing.Shared;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class DatasetsTest {
    static List<Problem> load(Path file, String format) throws IOException {
        return Datasets.load(DatasetSpec.of(file.toString(), format), Path.of(""));
    }

    @Test
    void realDatasetsLoadWithTheirGoldAnswers() throws IOException {
        List<Problem> gsm = load(Shared.dataset("gsm8k").resolve("test.jsonl"), "gsm8k");
        assertEquals(1319, gsm.size());
        assertEquals("18", gsm.get(0).answer()); // "#### 18"
        assertTrue(gsm.stream().noneMatch(p -> p.answer().contains(",")), "separators removed");
        assertEquals(7473, load(Shared.dataset("gsm8k").resolve("train.jsonl"), "gsm8k").size());
        List<Problem> math = load(Shared.dataset("math500").resolve("test.jsonl"), "math");
        assertEquals(500, math.size());
        assertEquals("\\left( 3, \\frac{\\pi}{2} \\right)", math.get(0).answer());
        List<Problem> aime = load(Shared.dataset("aime24").resolve("test.jsonl"), "aime");
        assertTrue(aime.stream().allMatch(p -> p.answer().matches("\\d+")), "AIME answers are integers");
        List<Problem> amc = load(Shared.dataset("amc23").resolve("test.jsonl"), "aime");
        assertTrue(amc.stream().noneMatch(p -> p.answer().endsWith(".0")), "27.0 -> 27");
    }

    @Test
    void badRowsNameFileLineAndField(@TempDir Path tmp) throws IOException {
        Path f = tmp.resolve("bad.jsonl");
        Files.writeString(f, "{\"question\": \"1+1\", \"answer\": \"2\"}\n{\"question\": \"2+2\"}\n");
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> load(f, "jsonl"));
        assertEquals(f + ":2: missing field 'answer'", e.getMessage());
        Files.writeString(f, "{\"question\": \"1+1\", \"answer\": \"2\"}\n{oops\n");
        e = assertThrows(IllegalArgumentException.class, () -> load(f, "jsonl"));
        assertTrue(e.getMessage().startsWith(f + ":2: not valid JSON"), e.getMessage());
        // on_bad_row: skip keeps the good rows and counts the bad one
        List<Problem> kept = Datasets.load(new DatasetSpec(f.toString(), "jsonl", null, null, null, 0, 0, 0, "skip"), Path.of(""));
        assertEquals(1, kept.size());
        Files.writeString(f, "");
        IOException empty = assertThrows(IOException.class, () -> load(f, "jsonl"));
        assertEquals(f + ": no problems (empty file)", empty.getMessage());
        Files.writeString(f, "{\"id\": \"a\", \"question\": \"q\", \"answer\": \"1\"}\n{\"id\": \"a\", \"question\": \"r\", \"answer\": \"2\"}\n");
        e = assertThrows(IllegalArgumentException.class, () -> load(f, "jsonl"));
        assertEquals(f + ":2: duplicate id 'a'", e.getMessage());
        e = assertThrows(IllegalArgumentException.class, () -> DatasetSpec.of("x", "csv"));
        assertEquals("dataset format 'csv' is unknown; use one of " + DatasetSpec.FORMATS, e.getMessage());
    }

    @Test
    void streamCursorRestoresTheExactOrder() {
        List<Problem> ps = ArithmeticGenerator.generate(List.of('+'), List.of(1, 2), 50, 3, Set.of(), "p");
        ProblemStream a = new ProblemStream(ps, 9);
        a.next(37);
        DataCursor c = a.cursor();
        List<Problem> expected = a.next(40); // crosses into epoch 1
        ProblemStream b = new ProblemStream(ps, 9);
        b.restore(c);
        assertEquals(expected, b.next(40));
        assertEquals(new DataCursor(1, 27), b.cursor());
        assertNotEquals(new ProblemStream(ps, 9).next(50), new ProblemStream(ps, 10).next(50), "seed changes the order");
    }

    @Test
    void arithmeticSplitsAreDisjointAndAnswersExact() throws IOException {
        List<Problem> train = load(Path.of("datasets/arithmetic/train.jsonl"), "arithmetic");
        List<Problem> test = load(Path.of("datasets/arithmetic/test.jsonl"), "arithmetic");
        Set<String> seen = new HashSet<>();
        train.forEach(p -> seen.add(p.question()));
        assertTrue(test.stream().noneMatch(p -> seen.contains(p.question())), "a test question appears in train");
        for (Problem p : test) {
            long a = ((Number) p.columns().get("a")).longValue();
            long b = ((Number) p.columns().get("b")).longValue();
            long expected = p.columns().get("op").equals("+") ? a + b : a - b;
            assertEquals(Long.toString(expected), p.answer(), p.question());
        }
    }

    @Test
    void templatesRenderOneSampleRow() {
        Problem p = new Problem("x", "arithmetic", "37+5", "42", java.util.Map.of("nums", List.of(3, 5), "target", 15));
        assertEquals("A conversation between User and Assistant. The user asks a question, and the Assistant solves it. "
                + "The assistant first thinks about the reasoning process in the mind and then provides the user with the answer. "
                + "The reasoning process and answer are enclosed within <think> </think> and <answer> </answer> tags, "
                + "respectively, i.e., <think> reasoning process here </think> <answer> answer here </answer>. User: 37+5. "
                + "Assistant: <think>", PromptTemplates.render("r1-zero", true, p));
        assertEquals("37+5\nPlease reason step by step, and put your final answer within \\boxed{}.", PromptTemplates.render("boxed", false, p));
        assertTrue(PromptTemplates.render("countdown", false, p).startsWith("Using the numbers [3, 5], create an equation that equals 15."));
        assertEquals("Q: 37+5 (target 15)", PromptTemplates.render("Q: {question} (target {target})", false, p));
        String chat = PromptTemplates.of("chat", false, (msgs, gen) -> msgs.get(0).role() + "|" + msgs.get(1).content() + "|" + gen, null).render(p);
        assertEquals("system|37+5|true", chat);
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> PromptTemplates.render("Q: {nope}", false, p));
        assertTrue(e.getMessage().startsWith("template placeholder {nope} is not a column of problem x"), e.getMessage());
        e = assertThrows(IllegalArgumentException.class, () -> PromptTemplates.render("fancy", false, p));
        assertTrue(e.getMessage().startsWith("unknown template 'fancy'"), e.getMessage());
    }
}
