package io.grpo4j.reward.math;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.util.Map;
import java.util.Set;
import org.apache.commons.math3.fraction.BigFraction;

/**
 * Recursive-descent parser for the LaTeX/plain-text arithmetic found in final answers:
 * numbers, + - * / ^ (right-associative), implicit multiplication ("2x", "3\sqrt{2}", "(a+1)(a-1)"),
 * unary minus, factorial, |x|, {@code \frac}, {@code \sqrt[n]{}}, {@code \pi}, {@code e},
 * {@code \infty}, trigonometric and log functions, Greek letters and subscripted variables.
 * Nesting deeper than {@link Limits#MAX_DEPTH} ends with "too large"; anything else unknown is
 * {@link NotParseable}. Input is expected to be normalised by {@link LatexNormalizer} first.
 */
public final class ExprParser {
    private static final Set<String> FUNCTIONS = Set.of(
            "sin", "cos", "tan", "cot", "sec", "csc", "arcsin", "arccos", "arctan",
            "sinh", "cosh", "tanh", "ln", "exp", "log");
    private static final Set<String> GREEK = Set.of(
            "alpha", "beta", "gamma", "delta", "epsilon", "varepsilon", "zeta", "eta", "theta", "vartheta",
            "iota", "kappa", "lambda", "mu", "nu", "xi", "rho", "sigma", "tau", "upsilon", "phi", "varphi",
            "chi", "psi", "omega", "Gamma", "Delta", "Theta", "Lambda", "Xi", "Sigma", "Phi", "Psi", "Omega");
    private static final Map<String, String> FUNCTION_ALIASES = Map.of(
            "arcsin", "asin", "arccos", "acos", "arctan", "atan");

    private final String s;
    private int pos;
    private int depth;

    private ExprParser(String s) {
        this.s = s;
    }

    /** Parses the whole text as one expression. */
    public static Expr parse(String text) throws NotParseable {
        if (text.length() > Limits.MAX_ANSWER_CHARS) {
            throw LimitExceeded.tooLarge();
        }
        ExprParser p = new ExprParser(text);
        p.skipSpaces();
        if (p.atEnd()) {
            throw new NotParseable("empty expression");
        }
        Expr e = p.expression();
        p.skipSpaces();
        if (!p.atEnd()) {
            throw new NotParseable("unexpected '" + p.s.charAt(p.pos) + "' at " + p.pos);
        }
        return e;
    }

    // expression := term (('+' | '-') term)*
    private Expr expression() throws NotParseable {
        enter();
        Expr left = term();
        while (true) {
            skipSpaces();
            if (eat('+')) {
                left = new Expr.Binary('+', left, term());
            } else if (eat('-')) {
                left = new Expr.Binary('-', left, term());
            } else {
                break;
            }
        }
        leave();
        return left;
    }

    // term := unary (('*' | '/') unary | implicit-product)*
    private Expr term() throws NotParseable {
        Expr left = unary();
        while (true) {
            Budget.check();
            skipSpaces();
            if (eat('*')) {
                left = new Expr.Binary('*', left, unary());
            } else if (eat('/')) {
                left = new Expr.Binary('/', left, unary());
            } else if (startsFactor()) {
                left = new Expr.Binary('*', left, power());
            } else {
                return left;
            }
        }
    }

    // unary := ('-' | '+') unary | power
    private Expr unary() throws NotParseable {
        skipSpaces();
        if (eat('-')) {
            enter();
            Expr x = new Expr.Neg(unary());
            leave();
            return x;
        }
        if (eat('+')) {
            enter();
            Expr x = unary();
            leave();
            return x;
        }
        return power();
    }

    // power := postfix ('^' exponent)?      (right-associative: 10^10^10 = 10^(10^10))
    private Expr power() throws NotParseable {
        Expr base = postfix();
        skipSpaces();
        if (eat('^')) {
            enter();
            Expr exponent = exponent();
            leave();
            return new Expr.Binary('^', base, exponent);
        }
        return base;
    }

    private Expr exponent() throws NotParseable {
        skipSpaces();
        if (peek() == '{') {
            return postfix(); // a braced group is the whole exponent
        }
        if (eat('-')) {
            return new Expr.Neg(exponent());
        }
        if (eat('+')) {
            return exponent();
        }
        return power();
    }

    // postfix := primary '!'*
    private Expr postfix() throws NotParseable {
        Expr x = primary();
        while (true) {
            skipSpaces();
            if (peek() == '!' ) {
                pos++;
                x = new Expr.Call("fact", x);
            } else {
                return x;
            }
        }
    }

    private Expr primary() throws NotParseable {
        Budget.check();
        skipSpaces();
        if (atEnd()) {
            throw new NotParseable("expression ends early");
        }
        char c = s.charAt(pos);
        if (isDigit(c) || (c == '.' && pos + 1 < s.length() && isDigit(s.charAt(pos + 1)))) {
            return number();
        }
        if (isLetter(c)) {
            pos++;
            if (c == 'e' && !isSubscriptNext()) {
                return new Expr.Constant("e", Math.E);
            }
            return new Expr.Var(withSubscript(String.valueOf(c)));
        }
        if (c == '(' || c == '[' || c == '{') {
            char close = c == '(' ? ')' : c == '[' ? ']' : '}';
            pos++;
            Expr inner = expression();
            skipSpaces();
            if (!eat(close)) {
                throw new NotParseable("missing '" + close + "'");
            }
            return inner;
        }
        if (c == '|') {
            pos++;
            Expr inner = expression();
            skipSpaces();
            if (!eat('|')) {
                throw new NotParseable("missing closing '|'");
            }
            return new Expr.Call("abs", inner);
        }
        if (c == '\\') {
            return command();
        }
        throw new NotParseable("unexpected '" + c + "'");
    }

    private Expr command() throws NotParseable {
        String name = commandName();
        switch (name) {
            case "frac": {
                enter();
                Expr num = latexArgument();
                Expr den = latexArgument();
                leave();
                return new Expr.Binary('/', num, den);
            }
            case "sqrt": {
                enter();
                skipSpaces();
                Expr index = null;
                if (eat('[')) {
                    index = expression();
                    skipSpaces();
                    if (!eat(']')) {
                        throw new NotParseable("missing ']' in \\sqrt[...]");
                    }
                }
                Expr x = latexArgument();
                leave();
                return index == null ? new Expr.Call("sqrt", x) : new Expr.Root(index, x);
            }
            case "pi":
                return new Expr.Constant("pi", Math.PI);
            case "infty":
            case "infinity":
                return new Expr.Constant("infinity", Double.POSITIVE_INFINITY);
            default:
                if (GREEK.contains(name)) {
                    return new Expr.Var(withSubscript("\\" + name));
                }
                if (FUNCTIONS.contains(name)) {
                    return function(name);
                }
                throw new NotParseable("unknown command \\" + name);
        }
    }

    /** sin x, \sin^2 x, \log_2 8, \ln(x+1): the argument is a parenthesised group or one factor. */
    private Expr function(String name) throws NotParseable {
        enter();
        Expr base = null;
        Expr power = null;
        skipSpaces();
        if (name.equals("log") && eat('_')) {
            base = latexArgument();
            skipSpaces();
        }
        if (eat('^')) {
            power = latexArgument();
        }
        skipSpaces();
        Expr arg = power();
        Expr call;
        if (name.equals("log")) {
            // \log without a base is base 10 (the convention in contest answers)
            call = new Expr.Log(base == null ? new Expr.Num(new BigFraction(10)) : base, arg);
        } else {
            call = new Expr.Call(FUNCTION_ALIASES.getOrDefault(name, name), arg);
        }
        leave();
        return power == null ? call : new Expr.Binary('^', call, power);
    }

    /** A LaTeX command argument: {group}, or a single digit, letter or command (\frac12 = 1/2). */
    private Expr latexArgument() throws NotParseable {
        skipSpaces();
        if (atEnd()) {
            throw new NotParseable("missing argument");
        }
        char c = s.charAt(pos);
        if (c == '{') {
            pos++;
            Expr inner = expression();
            skipSpaces();
            if (!eat('}')) {
                throw new NotParseable("missing '}'");
            }
            return inner;
        }
        if (isDigit(c)) {
            pos++;
            return new Expr.Num(new BigFraction(c - '0'));
        }
        if (isLetter(c) || c == '\\') {
            return primary();
        }
        throw new NotParseable("unexpected '" + c + "' as an argument");
    }

    private Expr number() throws NotParseable {
        int start = pos;
        while (!atEnd() && isDigit(s.charAt(pos))) {
            pos++;
        }
        if (!atEnd() && s.charAt(pos) == '.' && pos + 1 < s.length() && isDigit(s.charAt(pos + 1))) {
            pos++;
            while (!atEnd() && isDigit(s.charAt(pos))) {
                pos++;
            }
        } else if (!atEnd() && s.charAt(pos) == '.' && pos > start) {
            pos++; // "3." is three
        }
        String literal = s.substring(start, pos);
        if (literal.length() > Limits.MAX_DIGITS) {
            throw LimitExceeded.tooLarge();
        }
        return new Expr.Num(toFraction(literal));
    }

    /** An exact fraction from a decimal literal ("0.125" = 1/8). */
    static BigFraction toFraction(String literal) {
        if (literal.endsWith(".")) {
            literal = literal.substring(0, literal.length() - 1);
        }
        int dot = literal.indexOf('.');
        if (dot < 0) {
            return new BigFraction(new BigInteger(literal));
        }
        BigDecimal d = new BigDecimal(literal.startsWith(".") ? "0" + literal : literal);
        return new BigFraction(d.unscaledValue(), BigInteger.TEN.pow(d.scale()));
    }

    private String commandName() throws NotParseable {
        pos++; // the backslash
        int start = pos;
        while (!atEnd() && isLetter(s.charAt(pos))) {
            pos++;
        }
        if (pos == start) {
            throw new NotParseable("unknown command at " + start);
        }
        return s.substring(start, pos);
    }

    private String withSubscript(String name) throws NotParseable {
        if (!isSubscriptNext()) {
            return name;
        }
        pos++; // '_'
        skipSpaces();
        if (eat('{')) {
            int start = pos;
            while (!atEnd() && s.charAt(pos) != '}') {
                if (!isLetter(s.charAt(pos)) && !isDigit(s.charAt(pos))) {
                    throw new NotParseable("unsupported subscript");
                }
                pos++;
            }
            if (!eat('}')) {
                throw new NotParseable("missing '}' after subscript");
            }
            return name + "_" + s.substring(start, pos - 1);
        }
        if (!atEnd() && (isLetter(s.charAt(pos)) || isDigit(s.charAt(pos)))) {
            return name + "_" + s.charAt(pos++);
        }
        throw new NotParseable("empty subscript");
    }

    private boolean isSubscriptNext() {
        return !atEnd() && s.charAt(pos) == '_';
    }

    /** Can a factor start here (for implicit multiplication "2x", "3\sqrt{2}", "(a)(b)")? */
    private boolean startsFactor() {
        if (atEnd()) {
            return false;
        }
        char c = s.charAt(pos);
        if (isDigit(c) || isLetter(c) || c == '(' || c == '{' || c == '[') {
            return true;
        }
        if (c == '\\') {
            int end = pos + 1;
            while (end < s.length() && isLetter(s.charAt(end))) {
                end++;
            }
            String name = s.substring(pos + 1, end);
            return name.equals("frac") || name.equals("sqrt") || name.equals("pi") || name.equals("infty")
                    || GREEK.contains(name) || FUNCTIONS.contains(name);
        }
        return false;
    }

    private void enter() {
        if (++depth > Limits.MAX_DEPTH) {
            throw LimitExceeded.tooLarge();
        }
    }

    private void leave() {
        depth--;
    }

    private boolean eat(char c) {
        if (!atEnd() && s.charAt(pos) == c) {
            pos++;
            return true;
        }
        return false;
    }

    private char peek() {
        return atEnd() ? '\0' : s.charAt(pos);
    }

    private void skipSpaces() {
        while (!atEnd() && Character.isWhitespace(s.charAt(pos))) {
            pos++;
        }
    }

    private boolean atEnd() {
        return pos >= s.length();
    }

    private static boolean isDigit(char c) {
        return c >= '0' && c <= '9';
    }

    private static boolean isLetter(char c) {
        return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z');
    }
}
