package io.grpo4j.generate;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import io.grpo4j.config.SamplingParams;
import io.grpo4j.model.Decoder;
import io.grpo4j.model.ModelConfig;
import io.grpo4j.model.ModelWeights;
import io.grpo4j.model.TinyModels;
import io.grpo4j.model.TokenLogProbs;
import io.grpo4j.testing.NativeResources;
import java.util.Arrays;
import java.util.List;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

class RolloutGeneratorTest {
    private static final List<int[]> PROMPTS = List.of(new int[] {5, 9, 1, 30, 7}, new int[] {3, 18}, new int[] {11, 4, 26});

    /** Token i decodes to a letter; ids ≥ 26 become digits. */
    static String detok(int[] ids) {
        StringBuilder sb = new StringBuilder();
        for (int id : ids) {
            sb.append(id < 26 ? (char) ('a' + id) : (char) ('0' + (id - 26) % 10));
        }
        return sb.toString();
    }

    private static SamplingParams params(float t, int max, long seed) {
        return new SamplingParams(t, 0, 1f, 0f, max, List.of(), List.of(), false, seed);
    }

    @Test
    void greedyBatchEqualsEachPromptAlone() {
        ModelConfig c = TinyModels.llama();
        try (NDManager m = NDManager.newBaseManager(); ModelWeights w = TinyModels.weights(c, 21, m);
                Decoder d = new Decoder(w).forInference()) {
            RolloutGenerator gen = new RolloutGenerator(d, RolloutGeneratorTest::detok, List.of(-1));
            List<Completion> batch = gen.generate(PROMPTS, 1, params(0f, 12, 0));
            for (int p = 0; p < PROMPTS.size(); p++) {
                Completion alone = gen.generate(List.of(PROMPTS.get(p)), 1, params(0f, 12, 0)).get(0);
                assertArrayEquals(alone.tokenIds(), batch.get(p).tokenIds(), "prompt " + p);
                assertEquals(FinishReason.LENGTH, batch.get(p).finishReason());
                assertEquals(12, batch.get(p).tokenIds().length);
            }
        }
    }

    @Test
    void samplingLogProbsEqualTrainingForwardLogProbs() {
        ModelConfig c = TinyModels.qwen2();
        float temperature = 0.7f;
        try (NDManager m = NDManager.newBaseManager(); ModelWeights w = TinyModels.weights(c, 22, m);
                Decoder d = new Decoder(w)) {
            List<Completion> out;
            try (Decoder fast = d.forInference()) {
                out = new RolloutGenerator(fast, RolloutGeneratorTest::detok, List.of(-1))
                        .generate(PROMPTS, 2, params(temperature, 10, 5));
            }
            for (Completion comp : out) {
                int[] prompt = PROMPTS.get(comp.promptIndex());
                int total = prompt.length + comp.tokenIds().length;
                long[] ids = new long[total];
                long[] pos = new long[total];
                for (int i = 0; i < total; i++) {
                    ids[i] = i < prompt.length ? prompt[i] : comp.tokenIds()[i - prompt.length];
                    pos[i] = i;
                }
                long[] targets = Arrays.copyOfRange(ids, 1, total + 1); // next token at each position
                Shape s = new Shape(1, total);
                NDArray h = d.hidden(m.create(ids, s), m.create(pos, s), m.ones(s), null);
                float[] lp = TokenLogProbs.compute(d, h, m.create(targets, s), temperature, 1024).toFloatArray();
                for (int i = 0; i < comp.tokenIds().length; i++) {
                    assertEquals(lp[prompt.length - 1 + i], comp.logProbs()[i], 1e-4, "token " + i + " of " + comp);
                }
            }
        }
    }

    @Test
    void sameSeedSameOutputAndRowsIndependentOfTheirBatch() {
        ModelConfig c = TinyModels.llama();
        try (NDManager m = NDManager.newBaseManager(); ModelWeights w = TinyModels.weights(c, 23, m);
                Decoder d = new Decoder(w).forInference()) {
            RolloutGenerator gen = new RolloutGenerator(d, RolloutGeneratorTest::detok, List.of(2));
            List<Completion> a = gen.generate(PROMPTS, 3, params(1f, 9, 42));
            List<Completion> b = gen.generate(PROMPTS, 3, params(1f, 9, 42));
            assertEquals(texts(a), texts(b));
            // Prompt 0 alone: same rows as in the larger batch.
            List<Completion> alone = gen.generate(PROMPTS.subList(0, 1), 3, params(1f, 9, 42));
            for (int s = 0; s < 3; s++) {
                assertArrayEquals(a.get(s).tokenIds(), alone.get(s).tokenIds(), "sample " + s);
            }
            List<Completion> other = gen.generate(PROMPTS, 3, params(1f, 9, 43));
            assertTrue(!texts(a).equals(texts(other)), "another seed should change something");
        }
    }

    @Test
    void stopTokenEndsARowAndStaysInItsIds() {
        ModelConfig c = TinyModels.llama();
        try (NDManager m = NDManager.newBaseManager(); ModelWeights w = TinyModels.weights(c, 24, m);
                Decoder d = new Decoder(w).forInference()) {
            // Greedy continuation of prompt 0, then declare its 4th token a stop token.
            List<Completion> free = new RolloutGenerator(d, RolloutGeneratorTest::detok, List.of(-1))
                    .generate(PROMPTS.subList(0, 1), 1, params(0f, 8, 0));
            int stop = free.get(0).tokenIds()[3];
            int first = Arrays.stream(free.get(0).tokenIds()).boxed().collect(Collectors.toList()).indexOf(stop);
            Completion c1 = new RolloutGenerator(d, RolloutGeneratorTest::detok, List.of(stop))
                    .generate(PROMPTS.subList(0, 1), 1, params(0f, 8, 0)).get(0);
            assertEquals(FinishReason.STOP_TOKEN, c1.finishReason());
            assertArrayEquals(Arrays.copyOf(free.get(0).tokenIds(), first + 1), c1.tokenIds());
            assertEquals(c1.tokenIds().length, c1.logProbs().length);
        }
    }

    @Test
    void stopStringSpanningTokensCutsTextAndIdsConsistently() {
        ModelConfig c = TinyModels.llama();
        try (NDManager m = NDManager.newBaseManager(); ModelWeights w = TinyModels.weights(c, 25, m);
                Decoder d = new Decoder(w).forInference()) {
            RolloutGenerator gen = new RolloutGenerator(d, RolloutGeneratorTest::detok, List.of(-1));
            Completion free = gen.generate(PROMPTS.subList(1, 2), 1, params(0f, 10, 0)).get(0);
            String full = free.text();
            String stop = full.substring(3, 5); // spans tokens 3 and 4
            int at = full.indexOf(stop);
            Completion cut = gen.generate(PROMPTS.subList(1, 2), 1,
                    new SamplingParams(0f, 0, 1f, 0f, 10, List.of(), List.of(stop), false, 0)).get(0);
            assertEquals(FinishReason.STOP_STRING, cut.finishReason());
            assertEquals(full.substring(0, at), cut.text());
            Completion kept = gen.generate(PROMPTS.subList(1, 2), 1,
                    new SamplingParams(0f, 0, 1f, 0f, 10, List.of(), List.of(stop), true, 0)).get(0);
            assertEquals(full.substring(0, at + stop.length()), kept.text());
            assertArrayEquals(cut.tokenIds(), kept.tokenIds());
            // ids run up to and including the token that completed the stop string
            assertArrayEquals(Arrays.copyOf(free.tokenIds(), at + stop.length()), cut.tokenIds());
        }
    }

    @Test
    void manyGenerationsLeakNoNativeArrays() {
        ModelConfig c = TinyModels.llama();
        try (NDManager m = NDManager.newBaseManager(); ModelWeights w = TinyModels.weights(c, 26, m);
                Decoder d = new Decoder(w).forInference()) {
            RolloutGenerator gen = new RolloutGenerator(d, RolloutGeneratorTest::detok, List.of(2, 7));
            int before = -1;
            for (int i = 0; i < 120; i++) {
                gen.generate(PROMPTS, 2, params(1f, 6, i));
                if (i == 5) {
                    before = NativeResources.count(w.manager());
                }
            }
            assertEquals(before, NativeResources.count(w.manager()));
        }
    }

    private static List<String> texts(List<Completion> cs) {
        return cs.stream().map(x -> Arrays.toString(x.tokenIds())).collect(Collectors.toList());
    }
}
