package io.grpo4j.reward.math;

import java.math.BigInteger;
import java.util.ArrayList;
import java.util.List;
import org.apache.commons.math3.fraction.BigFraction;

/**
 * Parses and evaluates a plain arithmetic equation such as "(100 - 4) / 8 + 3", exactly: whole
 * numbers, + - * /, unary minus and parentheses, nothing else (no implicit products, no decimals,
 * no powers). Records the number literals it used, for Countdown's "each number exactly once".
 */
public final class ArithmeticParser {
    /** The value and the literals in order of appearance. */
    public record Result(BigFraction value, List<BigInteger> numbers) {}

    private final String s;
    private int pos;
    private int depth;
    private final List<BigInteger> numbers = new ArrayList<>();

    private ArithmeticParser(String s) {
        this.s = s;
    }

    /**
     * Evaluates the equation; {@link NotParseable} for anything that is not plain arithmetic or
     * divides by zero; {@link LimitExceeded} past the size and nesting bounds.
     */
    public static Result evaluate(String equation) throws NotParseable {
        if (equation.length() > Limits.MAX_ANSWER_CHARS) {
            throw LimitExceeded.tooLarge();
        }
        ArithmeticParser p = new ArithmeticParser(equation);
        p.skipSpaces();
        if (p.pos >= p.s.length()) {
            throw new NotParseable("empty equation");
        }
        BigFraction value = p.expression();
        p.skipSpaces();
        if (p.pos < p.s.length()) {
            throw new NotParseable("unexpected '" + p.s.charAt(p.pos) + "'");
        }
        return new Result(value, List.copyOf(p.numbers));
    }

    private BigFraction expression() throws NotParseable {
        enter();
        BigFraction left = term();
        while (true) {
            skipSpaces();
            if (eat('+')) {
                left = left.add(term());
            } else if (eat('-')) {
                left = left.subtract(term());
            } else {
                depth--;
                return left;
            }
        }
    }

    private BigFraction term() throws NotParseable {
        BigFraction left = factor();
        while (true) {
            Budget.check();
            skipSpaces();
            if (eat('*')) {
                left = checkSize(left.multiply(factor()));
            } else if (eat('/')) {
                BigFraction right = factor();
                if (right.getNumerator().signum() == 0) {
                    throw new NotParseable("division by zero");
                }
                left = checkSize(left.divide(right));
            } else {
                return left;
            }
        }
    }

    private BigFraction factor() throws NotParseable {
        skipSpaces();
        if (eat('-')) {
            enter();
            BigFraction x = factor().negate();
            depth--;
            return x;
        }
        if (eat('(')) {
            BigFraction x = expression();
            skipSpaces();
            if (!eat(')')) {
                throw new NotParseable("missing ')'");
            }
            return x;
        }
        int start = pos;
        while (pos < s.length() && s.charAt(pos) >= '0' && s.charAt(pos) <= '9') {
            pos++;
        }
        if (pos == start) {
            throw new NotParseable(pos < s.length() ? "unexpected '" + s.charAt(pos) + "'" : "equation ends early");
        }
        if (pos - start > Limits.MAX_DIGITS) {
            throw LimitExceeded.tooLarge();
        }
        BigInteger n = new BigInteger(s.substring(start, pos));
        numbers.add(n);
        return new BigFraction(n);
    }

    private void enter() {
        if (++depth > Limits.MAX_DEPTH) {
            throw LimitExceeded.tooLarge();
        }
    }

    private static BigFraction checkSize(BigFraction f) {
        if (f.getNumerator().bitLength() > Limits.MAX_EXACT_BITS || f.getDenominator().bitLength() > Limits.MAX_EXACT_BITS) {
            throw LimitExceeded.tooLarge();
        }
        return f;
    }

    private boolean eat(char c) {
        if (pos < s.length() && s.charAt(pos) == c) {
            pos++;
            return true;
        }
        return false;
    }

    private void skipSpaces() {
        while (pos < s.length() && Character.isWhitespace(s.charAt(pos))) {
            pos++;
        }
    }
}
