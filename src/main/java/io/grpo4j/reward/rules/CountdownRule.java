package io.grpo4j.reward.rules;

import io.grpo4j.reward.RewardInput;
import io.grpo4j.reward.RewardRule;
import io.grpo4j.reward.RuleParams;
import io.grpo4j.reward.RuleScore;
import io.grpo4j.reward.math.AnswerExtractor;
import io.grpo4j.reward.math.ArithmeticParser;
import io.grpo4j.reward.math.NotParseable;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import org.apache.commons.math3.fraction.BigFraction;

/**
 * {@code countdown}: TinyZero's Countdown rule. The equation is the content of the last
 * &lt;answer&gt; block. 0 without one; {@code format_score} (0.1) when it is not plain arithmetic
 * (whole numbers, + − * /, parentheses), does not use exactly the given numbers (as a multiset),
 * or does not equal the target; {@code score} (1.0) when it does. Evaluated exactly by our own
 * {@link ArithmeticParser}. The numbers come from the row field {@code numbers_field} (default
 * "nums", else "numbers"), the target from {@code target_field} (default "target", else the gold
 * answer); NaN when the row has neither.
 */
public final class CountdownRule implements RewardRule {
    private final String name;
    private final String numbersField;
    private final String targetField;
    private final double formatScore;
    private final double fullScore;

    public CountdownRule(String name, RuleParams p) {
        this.name = name;
        this.numbersField = p.string("numbers_field", "nums");
        this.targetField = p.string("target_field", "target");
        this.formatScore = p.number("format_score", 0.1);
        this.fullScore = p.number("score", 1.0);
    }

    @Override
    public String name() {
        return name;
    }

    @Override
    public RuleScore score(RewardInput in) {
        List<BigInteger> available = numbers(in);
        if (available == null) {
            return RuleScore.notApplicable("row has no '" + numbersField + "' list of whole numbers");
        }
        BigFraction target = target(in);
        if (target == null) {
            return RuleScore.notApplicable("row has no '" + targetField + "' number");
        }
        String equation = AnswerExtractor.answerTag(in.completion());
        if (equation == null || equation.isBlank()) {
            return RuleScore.of(0.0, "no answer");
        }
        ArithmeticParser.Result result;
        try {
            result = ArithmeticParser.evaluate(equation);
        } catch (NotParseable e) {
            return RuleScore.of(formatScore, "invalid equation");
        }
        List<BigInteger> used = new ArrayList<>(result.numbers());
        Collections.sort(used);
        Collections.sort(available);
        if (!used.equals(available)) {
            return RuleScore.of(formatScore, "numbers differ");
        }
        if (!result.value().equals(target)) {
            return RuleScore.of(formatScore, "wrong result");
        }
        return RuleScore.of(fullScore);
    }

    private List<BigInteger> numbers(RewardInput in) {
        Object raw = in.row().get(numbersField);
        if (raw == null && numbersField.equals("nums")) {
            raw = in.row().get("numbers");
        }
        if (!(raw instanceof List<?> list)) {
            return null;
        }
        List<BigInteger> out = new ArrayList<>();
        for (Object o : list) {
            BigInteger n = wholeNumber(o);
            if (n == null) {
                return null;
            }
            out.add(n);
        }
        return out;
    }

    private BigFraction target(RewardInput in) {
        Object raw = in.row().get(targetField);
        if (raw == null) {
            raw = AnswerExtractor.gold(in.answer());
        }
        BigInteger n = wholeNumber(raw);
        return n == null ? null : new BigFraction(n);
    }

    private static BigInteger wholeNumber(Object o) {
        if (o instanceof Long || o instanceof Integer || o instanceof Short) {
            return BigInteger.valueOf(((Number) o).longValue());
        }
        if (o instanceof BigInteger b) {
            return b;
        }
        if (o instanceof Double d && d == Math.rint(d) && Math.abs(d) < 1e15) {
            return BigInteger.valueOf(d.longValue());
        }
        if (o instanceof String s && s.strip().matches("-?\\d{1,18}")) {
            return new BigInteger(s.strip());
        }
        return null;
    }
}
