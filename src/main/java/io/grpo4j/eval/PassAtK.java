package io.grpo4j.eval;

/** The unbiased pass@k estimator of Chen et al. (2021): 1 − C(n − c, k) / C(n, k), per problem. */
public final class PassAtK {
    private PassAtK() {}

    /** pass@k for one problem with {@code c} correct among {@code n} samples. */
    public static double of(int n, int c, int k) {
        if (k > n) {
            throw new IllegalArgumentException("pass@" + k + " needs at least " + k + " samples, got " + n);
        }
        if (n - c < k) {
            return 1.0;
        }
        // product form avoids huge binomials: C(n−c, k)/C(n, k) = Π_{i=n−c+1}^{n} (1 − k/i)
        double ratio = 1.0;
        for (int i = n - c + 1; i <= n; i++) {
            ratio *= 1.0 - (double) k / i;
        }
        return 1.0 - ratio;
    }

    /** Mean pass@k over problems, each with {@code n} samples and {@code correct[i]} right. */
    public static double mean(int[] correct, int n, int k) {
        double sum = 0;
        for (int c : correct) {
            sum += of(n, c, k);
        }
        return correct.length == 0 ? Double.NaN : sum / correct.length;
    }
}
