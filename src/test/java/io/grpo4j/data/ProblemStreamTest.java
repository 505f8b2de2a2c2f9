package io.grpo4j.data;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

class ProblemStreamTest {
    private static final List<Problem> TEN = IntStream.range(0, 10)
            .mapToObj(i -> new Problem("p" + i, "test", i + "+0", Integer.toString(i), Map.of()))
            .collect(Collectors.toList());

    private static List<String> ids(List<Problem> problems) {
        return problems.stream().map(Problem::id).collect(Collectors.toList());
    }

    @Test
    void everyEpochVisitsEveryProblemOnceInItsOwnOrder() {
        ProblemStream stream = new ProblemStream(TEN, 3);
        List<String> epoch0 = ids(stream.next(10));
        assertEquals(new DataCursor(1, 0), stream.cursor());
        List<String> epoch1 = ids(stream.next(10));
        assertEquals(10, new HashSet<>(epoch0).size());
        assertEquals(10, new HashSet<>(epoch1).size());
        assertNotEquals(epoch0, epoch1, "each epoch is shuffled afresh");
        assertNotEquals(ids(TEN), epoch0, "the first epoch is shuffled too");
    }

    @Test
    void sameSeedSameOrderOtherSeedOtherOrder() {
        assertEquals(ids(new ProblemStream(TEN, 3).next(25)), ids(new ProblemStream(TEN, 3).next(25)));
        assertNotEquals(ids(new ProblemStream(TEN, 3).next(10)), ids(new ProblemStream(TEN, 4).next(10)));
    }

    @Test
    void batchesCrossEpochBoundaries() {
        ProblemStream stream = new ProblemStream(TEN, 1);
        List<String> whole = ids(new ProblemStream(TEN, 1).next(30));
        List<String> inBatches = new ArrayList<>();
        for (int i = 0; i < 10; i++) {
            inBatches.addAll(ids(stream.next(3)));
        }
        assertEquals(whole, inBatches);
        assertEquals(new DataCursor(3, 0), stream.cursor());
    }

    @Test
    void aRestoredCursorReplaysExactlyWhatWouldHaveComeNext() {
        ProblemStream original = new ProblemStream(TEN, 9);
        original.next(13);
        DataCursor saved = original.cursor();
        // 13 problems in: the 4th of epoch 1.
        assertEquals(new DataCursor(1, 3), saved);
        List<String> continued = ids(original.next(17));

        ProblemStream resumed = new ProblemStream(TEN, 9);
        resumed.restore(saved);
        assertEquals(continued, ids(resumed.next(17)));
    }

    @Test
    void cursorsThatDoNotFitAreRejected() {
        ProblemStream stream = new ProblemStream(TEN, 0);
        assertEquals("data cursor position 10 is past the 10 problems of this dataset: the checkpoint was saved with a "
                + "different dataset or limit",
                assertThrows(IllegalArgumentException.class, () -> stream.restore(new DataCursor(0, 10))).getMessage());
        assertEquals("data cursor must have epoch >= 0 and position >= 0, got (-1, 0)",
                assertThrows(IllegalArgumentException.class, () -> new DataCursor(-1, 0)).getMessage());
        assertEquals("cannot stream an empty list of problems: the dataset gave none",
                assertThrows(IllegalArgumentException.class, () -> new ProblemStream(List.of(), 0)).getMessage());
    }
}
