package io.grpo4j.train;

/**
 * Every random stream of a run is derived from (run seed, step, purpose), so a resumed run
 * draws exactly what an uninterrupted run would have drawn, with no RNG state to save.
 */
final class StepSeeds {
    static final int ROLLOUT = 1;

    private StepSeeds() {}

    /** A well-mixed 64-bit seed (SplitMix64 finaliser over the combined inputs). */
    static long of(long runSeed, long step, int purpose, int round) {
        long z = runSeed * 0x9E3779B97F4A7C15L + step * 0xBF58476D1CE4E5B9L + purpose * 0x94D049BB133111EBL + round;
        z = (z ^ (z >>> 30)) * 0xBF58476D1CE4E5B9L;
        z = (z ^ (z >>> 27)) * 0x94D049BB133111EBL;
        return z ^ (z >>> 31);
    }
}
