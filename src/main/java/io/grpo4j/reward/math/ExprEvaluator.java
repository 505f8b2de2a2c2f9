package io.grpo4j.reward.math;

import java.math.BigInteger;
import java.util.Map;
import java.util.Set;
import org.apache.commons.math3.fraction.BigFraction;

/**
 * Evaluates an {@link Expr}: exactly as a {@link BigFraction} when every leaf and operation is
 * rational (integer powers, factorials and square roots of perfect squares included), else as a
 * double. Exact results are capped at {@link Limits#MAX_EXACT_BITS}: {@code 10^10^10} is "too large".
 */
public final class ExprEvaluator {
    private static final int MAX_FACTORIAL = 2000;

    private ExprEvaluator() {}

    /** The exact rational value, or null when the expression is not rational (a variable, \pi, sqrt 2, 1/0). */
    public static BigFraction exact(Expr e) {
        Budget.check();
        if (e instanceof Expr.Num n) {
            return n.value();
        }
        if (e instanceof Expr.Neg n) {
            BigFraction x = exact(n.x());
            return x == null ? null : x.negate();
        }
        if (e instanceof Expr.Binary b) {
            BigFraction l = exact(b.left());
            if (l == null) {
                return null;
            }
            BigFraction r = exact(b.right());
            if (r == null) {
                return null;
            }
            return switch (b.op()) {
                case '+' -> checkSize(l.add(r));
                case '-' -> checkSize(l.subtract(r));
                case '*' -> checkSize(l.multiply(r));
                case '/' -> r.getNumerator().signum() == 0 ? null : checkSize(l.divide(r));
                case '^' -> power(l, r);
                default -> throw new IllegalStateException("unknown operator " + b.op());
            };
        }
        if (e instanceof Expr.Call c) {
            BigFraction x = exact(c.x());
            if (x == null) {
                return null;
            }
            return switch (c.function()) {
                case "abs" -> x.abs();
                case "fact" -> factorial(x);
                case "sqrt" -> exactSquareRoot(x);
                default -> null;
            };
        }
        return null; // Var, Constant, Log, Root: not rational in general
    }

    /** The numeric value with the given variable values (NaN when undefined). */
    public static double numeric(Expr e, Map<String, Double> vars) {
        Budget.check();
        if (e instanceof Expr.Num n) {
            return n.value().doubleValue();
        }
        if (e instanceof Expr.Var v) {
            Double x = vars.get(v.name());
            return x == null ? Double.NaN : x;
        }
        if (e instanceof Expr.Constant c) {
            return c.value();
        }
        if (e instanceof Expr.Neg n) {
            return -numeric(n.x(), vars);
        }
        if (e instanceof Expr.Binary b) {
            double l = numeric(b.left(), vars);
            double r = numeric(b.right(), vars);
            return switch (b.op()) {
                case '+' -> l + r;
                case '-' -> l - r;
                case '*' -> l * r;
                case '/' -> l / r;
                case '^' -> Math.pow(l, r);
                default -> throw new IllegalStateException("unknown operator " + b.op());
            };
        }
        if (e instanceof Expr.Call c) {
            double x = numeric(c.x(), vars);
            return switch (c.function()) {
                case "abs" -> Math.abs(x);
                case "fact" -> x >= 0 && x == Math.rint(x) && x <= 170 ? factorialDouble((int) x) : Double.NaN;
                case "sqrt" -> Math.sqrt(x);
                case "sin" -> Math.sin(x);
                case "cos" -> Math.cos(x);
                case "tan" -> Math.tan(x);
                case "cot" -> 1 / Math.tan(x);
                case "sec" -> 1 / Math.cos(x);
                case "csc" -> 1 / Math.sin(x);
                case "asin" -> Math.asin(x);
                case "acos" -> Math.acos(x);
                case "atan" -> Math.atan(x);
                case "sinh" -> Math.sinh(x);
                case "cosh" -> Math.cosh(x);
                case "tanh" -> Math.tanh(x);
                case "ln" -> Math.log(x);
                case "exp" -> Math.exp(x);
                default -> throw new IllegalStateException("unknown function " + c.function());
            };
        }
        if (e instanceof Expr.Log l) {
            return Math.log(numeric(l.x(), vars)) / Math.log(numeric(l.base(), vars));
        }
        if (e instanceof Expr.Root r) {
            double index = numeric(r.index(), vars);
            double x = numeric(r.x(), vars);
            // an odd root of a negative number is real: \sqrt[3]{-8} = -2
            if (x < 0 && index == Math.rint(index) && ((long) index) % 2 != 0) {
                return -Math.pow(-x, 1 / index);
            }
            return Math.pow(x, 1 / index);
        }
        throw new IllegalStateException("unknown expression " + e);
    }

    /** The free variables of an expression. */
    public static void collectVariables(Expr e, Set<String> into) {
        if (e instanceof Expr.Var v) {
            into.add(v.name());
        } else if (e instanceof Expr.Neg n) {
            collectVariables(n.x(), into);
        } else if (e instanceof Expr.Binary b) {
            collectVariables(b.left(), into);
            collectVariables(b.right(), into);
        } else if (e instanceof Expr.Call c) {
            collectVariables(c.x(), into);
        } else if (e instanceof Expr.Log l) {
            collectVariables(l.base(), into);
            collectVariables(l.x(), into);
        } else if (e instanceof Expr.Root r) {
            collectVariables(r.index(), into);
            collectVariables(r.x(), into);
        }
    }

    private static BigFraction power(BigFraction base, BigFraction exponent) {
        if (!exponent.getDenominator().equals(BigInteger.ONE)) {
            return null; // a rational power (a root): compared numerically
        }
        BigInteger n = exponent.getNumerator();
        // 0, 1 and -1 stay small under any integer power
        if (base.getNumerator().signum() == 0) {
            return n.signum() > 0 ? BigFraction.ZERO : n.signum() == 0 ? BigFraction.ONE : null;
        }
        if (base.equals(BigFraction.ONE)) {
            return BigFraction.ONE;
        }
        if (base.equals(BigFraction.MINUS_ONE)) {
            return n.testBit(0) ? BigFraction.MINUS_ONE : BigFraction.ONE;
        }
        long bits = Math.max(base.getNumerator().abs().bitLength(), base.getDenominator().bitLength());
        if (n.bitLength() > 31 || bits * n.abs().longValue() > Limits.MAX_EXACT_BITS) {
            throw LimitExceeded.tooLarge();
        }
        int k = n.intValue();
        BigFraction result = base.pow(Math.abs(k));
        return k >= 0 ? result : result.reciprocal();
    }

    private static BigFraction factorial(BigFraction x) {
        if (!x.getDenominator().equals(BigInteger.ONE) || x.getNumerator().signum() < 0) {
            return null;
        }
        if (x.getNumerator().compareTo(BigInteger.valueOf(MAX_FACTORIAL)) > 0) {
            throw LimitExceeded.tooLarge();
        }
        int n = x.getNumerator().intValue();
        BigInteger f = BigInteger.ONE;
        for (int i = 2; i <= n; i++) {
            f = f.multiply(BigInteger.valueOf(i));
        }
        return new BigFraction(f);
    }

    private static double factorialDouble(int n) {
        double f = 1;
        for (int i = 2; i <= n; i++) {
            f *= i;
        }
        return f;
    }

    private static BigFraction exactSquareRoot(BigFraction x) {
        if (x.getNumerator().signum() < 0) {
            return null;
        }
        BigInteger num = sqrtIfSquare(x.getNumerator());
        BigInteger den = sqrtIfSquare(x.getDenominator());
        return num == null || den == null ? null : new BigFraction(num, den);
    }

    private static BigInteger sqrtIfSquare(BigInteger v) {
        BigInteger r = v.sqrt();
        return r.multiply(r).equals(v) ? r : null;
    }

    private static BigFraction checkSize(BigFraction f) {
        if (f.getNumerator().bitLength() > Limits.MAX_EXACT_BITS || f.getDenominator().bitLength() > Limits.MAX_EXACT_BITS) {
            throw LimitExceeded.tooLarge();
        }
        return f;
    }
}
