package io.grpo4j.data;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.grpo4j.testing.Shared;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SplitTest {
    private static List<String> ids(List<Problem> problems) {
        return problems.stream().map(Problem::id).collect(Collectors.toList());
    }

    @Test
    void evalPathIsReadWithTheSameFormatAndResolvedAgainstTheBaseDir() {
        Path base = Shared.dataset("gsm8k");
        DatasetSpec spec = new DatasetSpec("train.jsonl", "gsm8k", null, null, null, 100, "test.jsonl", 0, 0, null);
        Split split = Datasets.split(spec, base);
        assertEquals(100, split.train().size(), "limit caps the training file");
        assertEquals(1319, split.eval().size(), "the eval file is read in full");
        assertEquals("gsm8k/test/1", split.eval().get(0).id());
        assertEquals("18", split.eval().get(0).answer());
    }

    @Test
    void heldOutFractionIsSeededDisjointAndKeepsFileOrder() {
        DatasetSpec spec = DatasetSpec.of(Shared.path("datasets/gsm8k/test.jsonl").toString(), "gsm8k").withEvalFraction(0.1, 42);
        Split split = Datasets.split(spec, null);
        // round(1319 * 0.1) = 132 held out, 1187 left.
        assertEquals(132, split.eval().size());
        assertEquals(1187, split.train().size());
        Set<String> train = new HashSet<>(ids(split.train()));
        assertTrue(split.eval().stream().noneMatch(p -> train.contains(p.id())), "eval and train share no problem");
        List<Problem> all = new ArrayList<>(split.train());
        all.addAll(split.eval());
        assertEquals(1319, new HashSet<>(ids(all)).size(), "together they are the whole file");
        assertTrue(isInFileOrder(split.eval()) && isInFileOrder(split.train()));

        assertEquals(split, Datasets.split(spec, null), "same seed, same split");
        assertNotEquals(ids(split.eval()), ids(Datasets.split(spec.withEvalFraction(0.1, 43), null).eval()), "another seed, another split");
    }

    private static boolean isInFileOrder(List<Problem> problems) {
        int last = 0;
        for (Problem p : problems) {
            int line = Integer.parseInt(p.id().substring(p.id().lastIndexOf('/') + 1));
            if (line <= last) {
                return false;
            }
            last = line;
        }
        return true;
    }

    @Test
    void noEvalSetting() {
        Split split = Datasets.split(DatasetSpec.of(Shared.path("datasets/amc23/test.jsonl").toString(), "aime"), null);
        assertEquals(40, split.train().size());
        assertEquals(List.of(), split.eval());
    }

    @Test
    void aFractionThatLeavesNothingToTrainOnIsAnError(@TempDir Path dir) throws IOException {
        Path f = dir.resolve("two.jsonl");
        Files.write(f, List.of("{\"question\": \"a\", \"answer\": \"1\"}", "{\"question\": \"b\", \"answer\": \"2\"}"));
        // 2 * 0.9 rounds to 2: nothing would be left for training.
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> Datasets.split(DatasetSpec.of(f.toString(), "jsonl").withEvalFraction(0.9, 0), null));
        assertEquals("dataset 'eval_fraction' 0.9 of 2 problems in " + f + " leaves none to train on: lower it or add rows", e.getMessage());
        // A tiny fraction still holds out one problem rather than none.
        assertEquals(1, Datasets.split(DatasetSpec.of(f.toString(), "jsonl").withEvalFraction(0.01, 0), null).eval().size());
    }
}
