package io.grpo4j.generate;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDArrays;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.NDScope;
import ai.djl.ndarray.index.NDIndex;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import io.grpo4j.config.SamplingParams;
import io.grpo4j.model.Decoder;
import io.grpo4j.model.KvCache;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.SplittableRandom;
import java.util.function.Function;

/**
 * Samples G completions for each of a batch of prompts, all rows decoding together.
 *
 * <p>Contract:
 * <ul>
 *   <li>Prompts are ragged token-id arrays; rows are left-padded with per-row positions, and one
 *       preallocated {@link KvCache} (capacity = longest prompt + max_new_tokens) holds the keys
 *       and values. The prefill runs the LM head at the last position only.
 *   <li>Row r = (prompt r / G, sample r % G) draws its uniforms from its own stream seeded by
 *       (seed, prompt index, sample index), so its completion does not depend on the other rows.
 *   <li>A row ends on a stop token (kept as its last token id, not in its text), on a stop
 *       string (token ids up to the token that completed it; text cut before it, or just after it
 *       with include_stop_strings) or at
 *       max_new_tokens. When a quarter of the live rows have ended, the batch is compacted so
 *       finished rows stop costing compute.
 *   <li>No gradient is recorded (call it outside any GradientCollector); every tensor is freed
 *       before return; the decoder and its weights are not modified.
 * </ul>
 */
public final class RolloutGenerator {
    private final Decoder decoder; // inference layout
    private final Function<int[], String> detokenize;
    private final Set<Integer> eosIds;
    private long[] stepEndNanos = new long[0]; // of the last call: [0] after prefill, [k] after decode step k

    /**
     * @param decoder the policy (preferably {@link Decoder#forInference()})
     * @param detokenize token ids → text without special tokens
     * @param eosIds the model's end-of-sequence ids (always stop)
     */
    public RolloutGenerator(Decoder decoder, Function<int[], String> detokenize, List<Integer> eosIds) {
        this.decoder = decoder;
        this.detokenize = detokenize;
        this.eosIds = new HashSet<>(eosIds);
    }

    /** A decoding row's host-side state. */
    private static final class Row {
        final int promptIndex;
        final int sampleIndex;
        final SplittableRandom rng;
        final List<Integer> ids = new ArrayList<>();
        final List<Float> logProbs = new ArrayList<>();
        long nextPosition;
        FinishReason finish;
        String text;

        Row(int promptIndex, int sampleIndex, long seed, int promptLength) {
            this.promptIndex = promptIndex;
            this.sampleIndex = sampleIndex;
            this.rng = new SplittableRandom(mix(seed, promptIndex, sampleIndex));
            this.nextPosition = promptLength;
        }
    }

    /** Samples {@code samplesPerPrompt} completions for every prompt; ordered by (prompt, sample). */
    public List<Completion> generate(List<int[]> prompts, int samplesPerPrompt, SamplingParams params) {
        if (prompts.isEmpty()) {
            return List.of();
        }
        int n = prompts.size() * samplesPerPrompt;
        int promptWidth = prompts.stream().mapToInt(p -> p.length).max().orElse(0);
        if (prompts.stream().anyMatch(p -> p.length == 0)) {
            throw new IllegalArgumentException("every prompt needs at least one token");
        }
        Set<Integer> stops = new HashSet<>(eosIds);
        stops.addAll(params.stopTokenIds());
        Sampler sampler = new Sampler(params.temperature(), params.topK(), params.topP(), params.minP());
        Row[] rows = new Row[n];
        for (int r = 0; r < n; r++) {
            int p = r / samplesPerPrompt;
            rows[r] = new Row(p, r % samplesPerPrompt, params.seed(), prompts.get(p).length);
        }
        long[] stepEnds = new long[params.maxNewTokens() + 1];
        int stepsDone = 0;
        NDManager parent = decoder.weights().manager();
        try (NDManager state = parent.newSubManager();
                KvCache cache = KvCache.allocate(decoder.config(), n, promptWidth + params.maxNewTokens(), state)) {
            int[] live = new int[n]; // batch slot → row index
            for (int r = 0; r < n; r++) {
                live[r] = r;
            }
            int capacity = cache.capacity();
            // (live, capacity) 1 real, 0 pad: prompt columns from the padding, every generated column 1;
            // each step reads the view over its first S columns
            NDArray mask;
            NDArray logits; // (live, V) at the last position
            try (NDScope scope = new NDScope()) {
                long[] ids = new long[n * promptWidth];
                long[] pos = new long[n * promptWidth];
                long[] msk = new long[n * promptWidth];
                for (int r = 0; r < n; r++) {
                    int[] prompt = prompts.get(rows[r].promptIndex);
                    int pad = promptWidth - prompt.length;
                    for (int i = 0; i < prompt.length; i++) {
                        ids[r * promptWidth + pad + i] = prompt[i];
                        pos[r * promptWidth + pad + i] = i;
                        msk[r * promptWidth + pad + i] = 1;
                    }
                }
                Shape s = new Shape(n, promptWidth);
                NDArray promptMask = state.create(msk, s);
                mask = NDArrays.concat(new NDList(promptMask.toType(DataType.FLOAT32, false),
                        state.ones(new Shape(n, capacity - promptWidth))), 1);
                NDArray hidden = decoder.hidden(state.create(ids, s), state.create(pos, s), promptMask, cache); // (N, P, H)
                logits = decoder.logits(hidden.get(new NDIndex(":, -1:, :"))).squeeze(1); // (N, V)
                hidden.close(); // the decoder hands it back outside any scope
                NDScope.unregister(mask, logits);
            }
            while (true) {
                stepEnds[stepsDone++] = System.nanoTime();
                try (NDScope scope = new NDScope()) {
                    float[] u = new float[live.length];
                    for (int i = 0; i < live.length; i++) {
                        u[i] = (float) rows[live[i]].rng.nextDouble();
                    }
                    Sampler.Draw draw = sampler.draw(logits, u);
                    int finished = 0;
                    for (int i = 0; i < live.length; i++) {
                        Row row = rows[live[i]];
                        if (row.finish != null) {
                            finished++; // ended earlier, not yet compacted away
                            continue;
                        }
                        int id = (int) draw.ids()[i];
                        row.ids.add(id);
                        row.logProbs.add(draw.logProbs()[i]);
                        row.nextPosition++;
                        if (stops.contains(id)) {
                            row.finish = FinishReason.STOP_TOKEN;
                        } else if (!params.stopStrings().isEmpty() && cutAtStopString(row, params.stopStrings(), params.includeStopStrings())) {
                            row.finish = FinishReason.STOP_STRING;
                        } else if (row.ids.size() >= params.maxNewTokens()) {
                            row.finish = FinishReason.LENGTH;
                        }
                        if (row.finish != null) {
                            finished++;
                        }
                    }
                    logits.close();
                    if (finished == live.length) {
                        mask.close();
                        break;
                    }
                    // Compact once a quarter of the batch is done: finished rows stop costing compute.
                    if (finished * 4 >= live.length) {
                        int[] keepSlots = keepSlots(rows, live);
                        NDArray idx = state.create(toLong(keepSlots));
                        NDArray compacted = mask.get(idx);
                        NDScope.unregister(compacted);
                        mask.close();
                        mask = compacted;
                        cache.keepRows(keepSlots);
                        int[] next = new int[keepSlots.length];
                        for (int i = 0; i < keepSlots.length; i++) {
                            next[i] = live[keepSlots[i]];
                        }
                        live = next;
                    }
                    long[] lastIds = new long[live.length];
                    long[] positions = new long[live.length];
                    for (int i = 0; i < live.length; i++) {
                        Row row = rows[live[i]];
                        // A finished row still in the batch feeds its last token; its output is ignored.
                        lastIds[i] = row.ids.get(row.ids.size() - 1);
                        positions[i] = row.nextPosition - 1;
                    }
                    Shape one = new Shape(live.length, 1);
                    NDArray seen = mask.get(NDIndex.sliceAxis(1, 0, cache.length() + 1)); // (L, S)
                    NDArray hidden = decoder.hidden(state.create(lastIds, one), state.create(positions, one), seen, cache); // (L, 1, H)
                    logits = decoder.logits(hidden).squeeze(1); // (L, V)
                    hidden.close(); // the decoder hands it back outside any scope
                    NDScope.unregister(logits);
                }
            }
        }
        stepEndNanos = java.util.Arrays.copyOf(stepEnds, stepsDone);
        List<Completion> out = new ArrayList<>(n);
        for (Row row : rows) {
            int[] ids = row.ids.stream().mapToInt(Integer::intValue).toArray();
            float[] lp = new float[row.logProbs.size()];
            for (int i = 0; i < lp.length; i++) {
                lp[i] = row.logProbs.get(i);
            }
            String text = row.text != null ? row.text : detokenize.apply(ids);
            out.add(new Completion(row.promptIndex, row.sampleIndex, ids, text, lp, row.finish));
        }
        return out;
    }

    /**
     * Timestamps (System.nanoTime) of the last {@link #generate} call: entry 0 when the prefill's
     * logits were ready, entry k when decode step k's were. For benchmarks.
     */
    public long[] lastStepEndNanos() {
        return stepEndNanos.clone();
    }

    /** Slots of rows still decoding. */
    private static int[] keepSlots(Row[] rows, int[] live) {
        int[] keep = new int[live.length];
        int k = 0;
        for (int i = 0; i < live.length; i++) {
            if (rows[live[i]].finish == null) {
                keep[k++] = i;
            }
        }
        return Arrays.copyOf(keep, k);
    }

    /** True when the decoded text now contains a stop string; cuts the row's text before it. */
    private boolean cutAtStopString(Row row, List<String> stopStrings, boolean include) {
        String text = detokenize.apply(row.ids.stream().mapToInt(Integer::intValue).toArray());
        int cut = -1;
        int end = -1;
        for (String s : stopStrings) {
            int at = text.indexOf(s);
            if (at >= 0 && (cut < 0 || at < cut)) {
                cut = at;
                end = at + s.length();
            }
        }
        if (cut < 0) {
            return false;
        }
        row.text = text.substring(0, include ? end : cut);
        return true;
    }

    private static long[] toLong(int[] a) {
        long[] out = new long[a.length];
        for (int i = 0; i < a.length; i++) {
            out[i] = a[i];
        }
        return out;
    }

    /** SplitMix64-style mix of (seed, prompt, sample) into one stream seed. */
    static long mix(long seed, long prompt, long sample) {
        long z = seed + 0x9E3779B97F4A7C15L * (prompt + 1) + 0xD1B54A32D192ED03L * (sample + 1);
        z = (z ^ (z >>> 30)) * 0xBF58476D1CE4E5B9L;
        z = (z ^ (z >>> 27)) * 0x94D049BB133111EBL;
        return z ^ (z >>> 31);
    }
}
