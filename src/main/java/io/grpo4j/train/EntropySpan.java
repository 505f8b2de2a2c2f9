package io.grpo4j.train;

import java.util.Arrays;
import java.util.function.Function;

/**
 * Where the entropy bonus starts in a completion ({@code grpo.entropy_after}): the index of the
 * first token after the one that completes the marker text. Decoding is by prefix, so a marker
 * split over several tokens is found too; a binary search keeps it to O(log T) decodes, since
 * a prefix that contains the marker stays containing it as it grows.
 */
final class EntropySpan {
    private EntropySpan() {}

    /**
     * @param ids the completion's token ids
     * @param decode token ids to text, as the completion's text was decoded
     * @param marker the text after which the bonus counts, or null for every token
     * @return 0 with no marker; {@code ids.length} (no token) when the completion lacks it
     */
    static int start(int[] ids, Function<int[], String> decode, String marker) {
        if (marker == null) {
            return 0;
        }
        if (!decode.apply(ids).contains(marker)) {
            return ids.length;
        }
        int lo = 1; // the shortest prefix that contains the marker lies in [lo, hi]
        int hi = ids.length;
        while (lo < hi) {
            int mid = (lo + hi) >>> 1;
            if (decode.apply(Arrays.copyOf(ids, mid)).contains(marker)) {
                hi = mid;
            } else {
                lo = mid + 1;
            }
        }
        return lo;
    }
}
