package io.grpo4j.model;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.types.Shape;

/**
 * Scalar operands for ops on the autograd path.
 *
 * <p>Why this exists: DJL's {@code mul(Number)}, {@code div(Number)}, {@code pow(Number)},
 * {@code maximum(Number)} … wrap the number in a 0-d tensor over a Java direct buffer
 * ({@code torch::from_blob}, no copy) and close it as soon as the op returns. Ops whose backward
 * needs that operand (mul, div, pow, maximum, minimum) keep the tensor in the autograd graph,
 * but not the buffer: once the garbage collector frees it, backward reads freed memory and the
 * gradient is scaled by whatever lives there (0, 777, NaN). This was the "sporadic NaN gradient"
 * of djl-notes §d and a flaky micro-batching test; {@code ScalarOperandGradientTest} reproduces
 * it. A tensor made by {@code full} owns its storage, so the graph keeps it alive.
 */
public final class Scalars {
    private Scalars() {}

    /** A 0-d tensor holding {@code value}, with {@code like}'s type, in {@code like}'s manager, owning its storage. */
    public static NDArray of(NDArray like, double value) {
        return like.getManager().full(new Shape(), (float) value, like.getDataType());
    }

    /** {@code x · value}, safe to differentiate. */
    public static NDArray mul(NDArray x, double value) {
        return x.mul(of(x, value));
    }

    /** {@code x / value}, safe to differentiate. */
    public static NDArray div(NDArray x, double value) {
        return x.div(of(x, value));
    }

    /** {@code x ^ value}, safe to differentiate. */
    public static NDArray pow(NDArray x, double value) {
        return x.pow(of(x, value));
    }
}
