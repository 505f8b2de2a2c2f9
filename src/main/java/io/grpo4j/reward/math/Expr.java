package io.grpo4j.reward.math;

import org.apache.commons.math3.fraction.BigFraction;

/**
 * A parsed mathematical expression: a tree of records. Built by {@link ExprParser}, evaluated by
 * {@link ExprEvaluator} (exactly where every leaf is rational, else numerically).
 */
public sealed interface Expr {
    /** A rational literal ("12", "0.5"). */
    record Num(BigFraction value) implements Expr {}

    /** A free variable ("x", "a_1", "\theta"). */
    record Var(String name) implements Expr {}

    /** A named constant with its numeric value ("\pi", "e", "\infty"). */
    record Constant(String name, double value) implements Expr {}

    record Neg(Expr x) implements Expr {}

    /** A binary operation: op is one of + - * / ^. */
    record Binary(char op, Expr left, Expr right) implements Expr {}

    /** A function of one argument: sqrt, abs, fact, sin, cos, tan, cot, sec, csc, asin, acos, atan, sinh, cosh, tanh, ln, exp. */
    record Call(String function, Expr x) implements Expr {}

    /** log base b of x ({@code \log_b x}). */
    record Log(Expr base, Expr x) implements Expr {}

    /** The n-th root ({@code \sqrt[n]{x}}). */
    record Root(Expr index, Expr x) implements Expr {}
}
