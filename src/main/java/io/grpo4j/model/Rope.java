package io.grpo4j.model;

/**
 * Rotary position embedding frequencies, computed exactly as Hugging Face does (including
 * {@code rope_scaling} types {@code linear} and {@code llama3}), in double precision.
 */
public final class Rope {
    private Rope() {}

    /** Inverse frequencies, one per pair of dimensions: {@code headDim / 2} values. */
    public static double[] inverseFrequencies(ModelConfig c) {
        int half = c.headDim() / 2;
        double[] inv = new double[half];
        for (int i = 0; i < half; i++) {
            inv[i] = 1.0 / Math.pow(c.ropeTheta(), (2.0 * i) / c.headDim());
        }
        ModelConfig.RopeScaling s = c.ropeScaling();
        if (s == null || s.type().equals("default")) {
            return inv;
        }
        if (s.type().equals("linear")) {
            for (int i = 0; i < half; i++) {
                inv[i] /= s.factor();
            }
            return inv;
        }
        // llama3: long wavelengths are slowed down by `factor`, short ones kept, and the band
        // between them blends the two smoothly.
        double lowFreqWavelen = s.originalMaxPositionEmbeddings() / s.lowFreqFactor();
        double highFreqWavelen = s.originalMaxPositionEmbeddings() / s.highFreqFactor();
        for (int i = 0; i < half; i++) {
            double wavelen = 2 * Math.PI / inv[i];
            if (wavelen > lowFreqWavelen) {
                inv[i] = inv[i] / s.factor();
            } else if (wavelen >= highFreqWavelen) {
                double smooth = (s.originalMaxPositionEmbeddings() / wavelen - s.lowFreqFactor())
                        / (s.highFreqFactor() - s.lowFreqFactor());
                inv[i] = (1 - smooth) * inv[i] / s.factor() + smooth * inv[i];
            }
        }
        return inv;
    }

    /**
     * cos and sin tables, row-major {@code [positions][headDim]}, in the HF layout where the
     * frequency vector is repeated twice ({@code cat(freqs, freqs)}) to match rotate_half.
     */
    public static float[][] tables(ModelConfig c, int positions) {
        double[] inv = inverseFrequencies(c);
        int hd = c.headDim();
        float[] cos = new float[positions * hd];
        float[] sin = new float[positions * hd];
        for (int p = 0; p < positions; p++) {
            for (int i = 0; i < hd; i++) {
                double angle = p * inv[i % (hd / 2)];
                cos[p * hd + i] = (float) Math.cos(angle);
                sin[p * hd + i] = (float) Math.sin(angle);
            }
        }
        return new float[][] {cos, sin};
    }
}
