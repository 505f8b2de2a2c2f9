package io.grpo4j.reward.math;

/** Size bounds on hostile input; past them an evaluation ends with {@link LimitExceeded#tooLarge()}. */
public final class Limits {
    private Limits() {}

    /** Longest extracted answer we parse (math answers are short; a 1 MB "number" is an attack). */
    public static final int MAX_ANSWER_CHARS = 4096;

    /** Most digits in one number literal. */
    public static final int MAX_DIGITS = 1000;

    /** Deepest nesting of brackets and operators the parsers follow (10,000 parentheses stop here). */
    public static final int MAX_DEPTH = 200;

    /** Largest exact result of a power or factorial, in bits (2^100000 has ~30,000 digits). */
    public static final int MAX_EXACT_BITS = 100_000;
}
