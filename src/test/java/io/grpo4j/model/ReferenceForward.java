package io.grpo4j.model;

import java.util.Map;

/**
 * An independent plain-Java, double-precision Llama/Qwen2 forward pass, written from the HF
 * modeling code's equations with loops over arrays: no DJL, no shared code with {@link Decoder}
 * except the RoPE frequency formula. One unpadded sequence at a time.
 */
final class ReferenceForward {
    private final ModelConfig c;
    private final Map<String, float[]> w;

    ReferenceForward(ModelConfig c, Map<String, float[]> weights) {
        this.c = c;
        this.w = weights;
    }

    /** Logits [T][V] for one sequence at positions 0..T-1. */
    double[][] logits(int[] ids) {
        int t = ids.length;
        int h = c.hiddenSize();
        double[][] x = new double[t][h];
        float[] emb = w.get(WeightNames.EMBED);
        for (int i = 0; i < t; i++) {
            for (int j = 0; j < h; j++) {
                x[i][j] = emb[ids[i] * h + j];
            }
        }
        double[] inv = Rope.inverseFrequencies(c);
        for (int l = 0; l < c.layers(); l++) {
            double[][] a = attention(l, norm(x, w.get(WeightNames.layer(l, "input_layernorm.weight"))), inv);
            x = add(x, a);
            double[][] m = mlp(l, norm(x, w.get(WeightNames.layer(l, "post_attention_layernorm.weight"))));
            x = add(x, m);
        }
        x = norm(x, w.get(WeightNames.FINAL_NORM));
        float[] head = c.tieWordEmbeddings() ? emb : w.get(WeightNames.LM_HEAD);
        return linear(x, head, null, c.vocabSize());
    }

    private double[][] attention(int l, double[][] x, double[] inv) {
        int t = x.length;
        int hd = c.headDim();
        int nh = c.heads();
        int kv = c.kvHeads();
        double[][] q = linear(x, w.get(WeightNames.layer(l, "self_attn.q_proj.weight")), bias(l, "q"), nh * hd);
        double[][] k = linear(x, w.get(WeightNames.layer(l, "self_attn.k_proj.weight")), bias(l, "k"), kv * hd);
        double[][] v = linear(x, w.get(WeightNames.layer(l, "self_attn.v_proj.weight")), bias(l, "v"), kv * hd);
        rope(q, nh, inv);
        rope(k, kv, inv);
        double[][] out = new double[t][nh * hd];
        for (int head = 0; head < nh; head++) {
            int kvh = head / (nh / kv); // HF repeat_kv: head h reads kv head h / groupSize
            for (int i = 0; i < t; i++) {
                double[] s = new double[i + 1];
                double max = Double.NEGATIVE_INFINITY;
                for (int j = 0; j <= i; j++) {
                    double dot = 0;
                    for (int d = 0; d < hd; d++) {
                        dot += q[i][head * hd + d] * k[j][kvh * hd + d];
                    }
                    s[j] = dot / Math.sqrt(hd);
                    max = Math.max(max, s[j]);
                }
                double sum = 0;
                for (int j = 0; j <= i; j++) {
                    s[j] = Math.exp(s[j] - max);
                    sum += s[j];
                }
                for (int j = 0; j <= i; j++) {
                    for (int d = 0; d < hd; d++) {
                        out[i][head * hd + d] += s[j] / sum * v[j][kvh * hd + d];
                    }
                }
            }
        }
        return linear(out, w.get(WeightNames.layer(l, "self_attn.o_proj.weight")), null, c.hiddenSize());
    }

    private float[] bias(int l, String which) {
        return c.qkvBias() ? w.get(WeightNames.layer(l, "self_attn." + which + "_proj.bias")) : null;
    }

    /** rotate_half RoPE on each head: pairs (d, d + hd/2) rotate by position · inv[d]. */
    private void rope(double[][] x, int heads, double[] inv) {
        int hd = c.headDim();
        int half = hd / 2;
        for (int p = 0; p < x.length; p++) {
            for (int head = 0; head < heads; head++) {
                int o = head * hd;
                for (int d = 0; d < half; d++) {
                    double cos = Math.cos(p * inv[d]);
                    double sin = Math.sin(p * inv[d]);
                    double a = x[p][o + d];
                    double b = x[p][o + d + half];
                    x[p][o + d] = a * cos - b * sin;
                    x[p][o + d + half] = b * cos + a * sin;
                }
            }
        }
    }

    private double[][] mlp(int l, double[][] x) {
        int f = c.intermediateSize();
        double[][] g = linear(x, w.get(WeightNames.layer(l, "mlp.gate_proj.weight")), null, f);
        double[][] u = linear(x, w.get(WeightNames.layer(l, "mlp.up_proj.weight")), null, f);
        for (int i = 0; i < g.length; i++) {
            for (int j = 0; j < f; j++) {
                double z = g[i][j];
                g[i][j] = z / (1 + Math.exp(-z)) * u[i][j];
            }
        }
        return linear(g, w.get(WeightNames.layer(l, "mlp.down_proj.weight")), null, c.hiddenSize());
    }

    private double[][] norm(double[][] x, float[] gain) {
        double[][] out = new double[x.length][];
        for (int i = 0; i < x.length; i++) {
            double ms = 0;
            for (double v : x[i]) {
                ms += v * v;
            }
            double r = 1 / Math.sqrt(ms / x[i].length + c.rmsNormEps());
            out[i] = new double[x[i].length];
            for (int j = 0; j < x[i].length; j++) {
                out[i][j] = x[i][j] * r * gain[j];
            }
        }
        return out;
    }

    /** y = x Wᵀ + b with W stored [out][in] row-major (HF Linear layout). */
    private static double[][] linear(double[][] x, float[] wt, float[] b, int out) {
        int in = x[0].length;
        double[][] y = new double[x.length][out];
        for (int i = 0; i < x.length; i++) {
            for (int o = 0; o < out; o++) {
                double s = b == null ? 0 : b[o];
                for (int j = 0; j < in; j++) {
                    s += x[i][j] * wt[o * in + j];
                }
                y[i][o] = s;
            }
        }
        return y;
    }

    private static double[][] add(double[][] a, double[][] b) {
        double[][] y = new double[a.length][a[0].length];
        for (int i = 0; i < a.length; i++) {
            for (int j = 0; j < a[0].length; j++) {
                y[i][j] = a[i][j] + b[i][j];
            }
        }
        return y;
    }
}
