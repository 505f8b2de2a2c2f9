package io.grpo4j.generate;

import java.util.Arrays;

/**
 * Exact top-k / top-p / min-p truncation and inverse-CDF draw over one row of probabilities, on
 * the host, without sorting the vocabulary.
 *
 * <p>The kept set is the one a stable descending sort gives: rank the tokens by probability
 * (ties: smaller id first); top-k keeps ranks below k; top-p keeps a token while the mass ranked
 * before it is below top_p (so the token that reaches top_p is kept); min-p keeps
 * p ≥ min_p · max p. A token must pass all three. The draw is by inverse CDF over the kept
 * tokens in id order, with masses summed in double precision.
 *
 * <p>How, in O(V): a histogram of the row keyed by the high bits of each probability's float
 * representation (order-preserving for non-negative floats; a bucket is 1/128 of an octave)
 * gives the count and mass above every bucket. Scanning it from the top finds the one bucket
 * where the top-k or top-p boundary falls, and only that bucket's members are sorted: about a
 * hundred tokens for a near-uniform 32k-token row, a handful for a peaked one. The result is a
 * cut: every token above it is kept, and of the tokens equal to it the first {@code tiedKept}
 * by id.
 *
 * <p>Not thread-safe: it reuses its histogram between rows; use one instance per thread.
 */
final class KeptSet {
    /** Bits dropped from a float's representation to form its bucket: 7 mantissa bits remain. */
    private static final int SHIFT = 16;
    /** Buckets for every finite non-negative float. */
    private static final int BUCKETS = 0x7F800000 >>> SHIFT;
    /** Tokens per block of the draw's skip-ahead. */
    private static final int BLOCK = 32;
    /** Every key a float can have. */
    private static final int KEYS = 1 << (32 - SHIFT);

    private final int topK;
    private final double topP;
    private final double minP;
    private final int[] count = new int[KEYS];
    private final double[] mass = new double[KEYS];
    private int[] members = new int[256]; // ids in the boundary bucket

    // The kept set of the row being drawn: p > cut, plus the first tiedKept ids with p == cut
    // (MAX_VALUE: all of them, i.e. p >= cut).
    private float cut;
    private int tiedKept;
    private double keptMass; // NaN when not known yet

    /**
     * @param topK keep the k most likely (0 = off)
     * @param topP nucleus mass (1 = off)
     * @param minP keep p ≥ min_p × max p (0 = off)
     */
    KeptSet(int topK, float topP, float minP) {
        this.topK = topK;
        this.topP = topP;
        this.minP = minP;
    }

    /**
     * Draws one id from the kept set of {@code p[from, from + v)}.
     *
     * @param p probabilities: finite, non-negative; they need not sum to exactly 1
     * @param u uniform in [0, 1)
     * @return the drawn id in [0, v)
     */
    int draw(float[] p, int from, int v, double u) {
        limit(p, from, v);
        // Inverse CDF over the kept tokens in id order: the first whose cumulative mass exceeds u × kept mass.
        double target = u * keptMass;
        double cum = 0;
        if (tiedKept == Integer.MAX_VALUE) {
            // kept ⇔ p ≥ cut. Skip whole blocks whose kept mass stays below the target, summing
            // each with four independent accumulators (one running sum is a chain of dependent adds).
            float c = cut;
            int i = from;
            int end = from + v;
            for (; i + BLOCK <= end; i += BLOCK) {
                double block = sumAtLeast(p, i, i + BLOCK, c);
                if (cum + block > target) {
                    break; // the draw is in this block
                }
                cum += block;
            }
            for (; i < end; i++) {
                cum += atLeast(p[i], Float.floatToRawIntBits(c));
                if (cum > target) {
                    return i - from;
                }
            }
        } else {
            int ties = 0;
            for (int i = from; i < from + v; i++) {
                float x = p[i];
                if (x > cut || (x == cut && ties++ < tiedKept)) {
                    cum += x;
                    if (cum > target) {
                        return i - from;
                    }
                }
            }
        }
        // Rounding left the target at the very end of the kept mass: the last kept token with p > 0.
        boolean[] kept = keptMask(p, from, v);
        for (int i = v - 1; i >= 0; i--) {
            if (kept[i] && p[from + i] > 0f) {
                return i;
            }
        }
        throw new IllegalStateException("no kept token with positive probability");
    }

    /** Which of {@code p[from, from + v)} are kept (for tests). */
    boolean[] kept(float[] p, int from, int v) {
        limit(p, from, v);
        return keptMask(p, from, v);
    }

    private boolean[] keptMask(float[] p, int from, int v) {
        boolean[] out = new boolean[v];
        int ties = 0;
        for (int i = 0; i < v; i++) {
            float x = p[from + i];
            out[i] = x > cut || (x == cut && ties++ < tiedKept);
        }
        return out;
    }

    /** Sets the kept set of the row: {@link #cut}, {@link #tiedKept} and {@link #keptMass}. */
    private void limit(float[] p, int from, int v) {
        cut = 0f;
        tiedKept = Integer.MAX_VALUE;
        keptMass = Double.NaN;
        if ((topK > 0 && topK < v) || topP < 1.0) {
            rankCut(p, from, v);
        }
        if (minP > 0) {
            float max = 0f;
            for (int i = from; i < from + v; i++) {
                max = Math.max(max, p[i]);
            }
            float floor = (float) (minP * max); // rounded like a float32 product
            if (floor > cut) {
                // min_p is the tighter limit: keep p >= floor, ties included
                cut = floor;
                tiedKept = Integer.MAX_VALUE;
                keptMass = Double.NaN;
            }
        }
        if (Double.isNaN(keptMass)) {
            double sum = 0;
            if (tiedKept == Integer.MAX_VALUE) {
                int end = from + v - (v % 4);
                sum = sumAtLeast(p, from, end, cut) + sumAtLeast(p, end, from + v, cut);
            } else {
                int ties = 0;
                for (int i = from; i < from + v; i++) {
                    float x = p[i];
                    if (x > cut || (x == cut && ties++ < tiedKept)) {
                        sum += x;
                    }
                }
            }
            keptMass = sum;
        }
        if (!(keptMass > 0 && keptMass < Double.POSITIVE_INFINITY)) {
            throw new IllegalArgumentException("probabilities are not finite and positive: kept mass " + keptMass);
        }
    }

    /**
     * Sets {@link #cut}, {@link #tiedKept} and {@link #keptMass} for top-k and top-p; leaves
     * everything kept when neither limit is reached.
     */
    private void rankCut(float[] p, int from, int v) {
        // Histogram: mass per bucket, and count when top-k needs ranks. Keys of negative, infinite
        // or NaN values land at or above BUCKETS (the arrays have room) and are rejected after.
        int lo = KEYS;
        int hi = -1;
        if (topK > 0) {
            for (int i = from; i < from + v; i++) {
                float x = p[i];
                int key = Float.floatToRawIntBits(x) >>> SHIFT;
                count[key]++;
                mass[key] += x;
                lo = Math.min(lo, key);
                hi = Math.max(hi, key);
            }
        } else {
            for (int i = from; i < from + v; i++) {
                float x = p[i];
                int key = Float.floatToRawIntBits(x) >>> SHIFT;
                mass[key] += x;
                lo = Math.min(lo, key);
                hi = Math.max(hi, key);
            }
        }
        if (hi >= BUCKETS) {
            clear(lo, hi);
            throw new IllegalArgumentException("probabilities must be finite and non-negative; got key " + hi);
        }
        // The first bucket from the top at which a limit is reached holds the boundary.
        int boundary = -1;
        int rankAbove = 0; // tokens in the buckets above
        double massAbove = 0; // their mass
        for (int key = hi; key >= lo; key--) {
            int c = count[key]; // 0 when top-k is off
            if (c == 0 && mass[key] == 0) {
                continue;
            }
            if ((topK > 0 && rankAbove + c >= topK) || (topP < 1.0 && massAbove + mass[key] >= topP)) {
                boundary = key;
                break;
            }
            rankAbove += c;
            massAbove += mass[key];
        }
        clear(lo, hi);
        if (boundary < 0) {
            return; // neither limit reached: all kept
        }
        int n = collect(p, from, v, boundary);
        sortDescending(p, from, n);
        // Walk the boundary bucket in rank order while both limits still admit the next token. The
        // first member is always admitted: the buckets above reached neither limit.
        int kept = 0;
        double before = massAbove;
        while (kept < n && (topK <= 0 || rankAbove + kept < topK) && (topP >= 1.0 || before < topP)) {
            before += p[from + members[kept]];
            kept++;
        }
        cut = p[from + members[kept - 1]];
        // Every token equal to the cut is in this bucket: count those kept and those there are.
        int tied = 0;
        tiedKept = 0;
        for (int j = 0; j < n; j++) {
            if (p[from + members[j]] == cut) {
                tied++;
                tiedKept += j < kept ? 1 : 0;
            }
        }
        if (tiedKept == tied) {
            tiedKept = Integer.MAX_VALUE; // kept ⇔ p ≥ cut
        }
        keptMass = before;
    }

    /**
     * Sum of p[i] ≥ c over [from, to). Branch-free (on a flat row the test is unpredictable):
     * non-negative floats order like their bit patterns, so the sign of bits(p) − bits(c) masks
     * p to itself or +0. Four independent accumulators when the length is a multiple of 4 (one
     * running sum is a chain of dependent adds).
     */
    private static double sumAtLeast(float[] p, int from, int to, float c) {
        int bc = Float.floatToRawIntBits(c);
        if ((to - from) % 4 != 0) {
            double s = 0;
            for (int i = from; i < to; i++) {
                s += atLeast(p[i], bc);
            }
            return s;
        }
        double s0 = 0;
        double s1 = 0;
        double s2 = 0;
        double s3 = 0;
        for (int i = from; i < to; i += 4) {
            s0 += atLeast(p[i], bc);
            s1 += atLeast(p[i + 1], bc);
            s2 += atLeast(p[i + 2], bc);
            s3 += atLeast(p[i + 3], bc);
        }
        return (s0 + s1) + (s2 + s3);
    }

    /** x when bits(x) ≥ cutBits (x ≥ the cut, both non-negative), else +0; without a branch. */
    private static float atLeast(float x, int cutBits) {
        int bx = Float.floatToRawIntBits(x);
        return Float.intBitsToFloat(bx & ~((bx - cutBits) >> 31));
    }

    private void clear(int lo, int hi) {
        if (hi >= lo) {
            Arrays.fill(count, lo, hi + 1, 0);
            Arrays.fill(mass, lo, hi + 1, 0.0);
        }
    }

    /** Ids whose bucket is {@code key}, into {@link #members}; returns how many. */
    private int collect(float[] p, int from, int v, int key) {
        int n = 0;
        for (int i = from; i < from + v; i++) {
            if (Float.floatToRawIntBits(p[i]) >>> SHIFT == key) {
                if (n == members.length) {
                    members = Arrays.copyOf(members, 2 * n);
                }
                members[n++] = i - from;
            }
        }
        return n;
    }

    /** Sorts members[0, n) by probability descending, then id ascending. */
    private void sortDescending(float[] p, int from, int n) {
        long[] keys = new long[n];
        for (int j = 0; j < n; j++) {
            // non-negative float bits order like the floats; invert them for descending order
            long bits = Float.floatToRawIntBits(p[from + members[j]]);
            keys[j] = ((0x7FFFFFFFL - bits) << 32) | members[j];
        }
        Arrays.sort(keys);
        for (int j = 0; j < n; j++) {
            members[j] = (int) keys[j];
        }
    }
}
