package io.grpo4j.reward.rules;

import io.grpo4j.reward.RewardInput;
import io.grpo4j.reward.RewardRule;
import io.grpo4j.reward.RuleParams;
import io.grpo4j.reward.RuleScore;
import io.grpo4j.reward.math.Budget;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * {@code repetition}: n-gram repetition penalty (open-r1). Words are the completion split on
 * whitespace, lower-cased; with T word n-grams of which U are distinct, the score is
 * {@code (1 − U/T) · max_penalty}. Parameters: {@code ngram_size} (default 3) and
 * {@code max_penalty} (default −1, must be ≤ 0). Range [max_penalty, 0]: 0 for text without a
 * repeated n-gram (or shorter than one n-gram), more negative the more it repeats itself.
 */
public final class RepetitionRule implements RewardRule {
    private final String name;
    private final int ngramSize;
    private final double maxPenalty;

    public RepetitionRule(String name, RuleParams p) {
        this.name = name;
        this.ngramSize = p.integer("ngram_size", 3);
        this.maxPenalty = p.number("max_penalty", -1.0);
        if (ngramSize < 1) {
            throw p.error("ngram_size must be >= 1, got " + ngramSize);
        }
        if (maxPenalty > 0) {
            throw p.error("max_penalty must be <= 0 (it is a penalty), got " + maxPenalty);
        }
    }

    @Override
    public String name() {
        return name;
    }

    @Override
    public RuleScore score(RewardInput in) {
        List<String> words = words(in.completion());
        int total = words.size() - ngramSize + 1;
        if (words.isEmpty() || total <= 0) {
            return RuleScore.of(0.0);
        }
        Set<String> distinct = new HashSet<>();
        StringBuilder gram = new StringBuilder();
        for (int i = 0; i < total; i++) {
            if ((i & 1023) == 0) {
                Budget.check();
            }
            gram.setLength(0);
            for (int j = 0; j < ngramSize; j++) {
                gram.append(words.get(i + j)).append(' ');
            }
            distinct.add(gram.toString());
        }
        double repeated = 1.0 - (double) distinct.size() / total;
        return RuleScore.of(repeated == 0 ? 0.0 : repeated * maxPenalty); // never -0.0
    }

    /** Lower-cased whitespace-separated words, checking the time bound as it goes. */
    private static List<String> words(String text) {
        List<String> words = new ArrayList<>();
        int start = -1;
        for (int i = 0; i <= text.length(); i++) {
            if ((i & 4095) == 0) {
                Budget.check();
            }
            boolean space = i == text.length() || Character.isWhitespace(text.charAt(i));
            if (space && start >= 0) {
                words.add(text.substring(start, i).toLowerCase(Locale.ROOT));
                start = -1;
            } else if (!space && start < 0) {
                start = i;
            }
        }
        return words;
    }
}
