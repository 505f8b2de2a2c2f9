package io.grpo4j.report;

import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.function.Predicate;

/** The named filters of {@code grpo4j inspect --filter} (and of the report's {@code #filter=}). */
public enum MonologueFilter {
    /** The correctness rule (accuracy, else countdown) scored 1. */
    CORRECT("correct"),
    /** The correctness rule scored below 1. */
    WRONG("wrong"),
    /** The format rule scored below 1. */
    FORMAT_FAIL("format-fail"),
    /** Stopped by max_new_tokens. */
    TRUNCATED("truncated"),
    /** In a group whose logged completions all got the same reward. */
    ZERO_VARIANCE("zero-variance");

    private final String word;

    MonologueFilter(String word) {
        this.word = word;
    }

    public String word() {
        return word;
    }

    /** The filter named {@code word}; the error lists the valid names. */
    public static MonologueFilter parse(String word) {
        for (MonologueFilter f : values()) {
            if (f.word.equals(word)) {
                return f;
            }
        }
        throw new IllegalArgumentException("unknown filter '" + word + "': use correct, wrong, format-fail, truncated or zero-variance");
    }

    /** The rows that pass, in order; zero-variance looks at each row's whole group within {@code rows}. */
    public List<Rollout> apply(List<Rollout> rows) {
        Predicate<Rollout> keep = switch (this) {
            case CORRECT -> Rollout::correct;
            case WRONG -> Rollout::wrong;
            case FORMAT_FAIL -> Rollout::formatFail;
            case TRUNCATED -> Rollout::truncated;
            case ZERO_VARIANCE -> {
                Set<String> flat = new HashSet<>();
                for (RolloutGroup g : RolloutGroup.of(rows)) {
                    if (g.zeroVariance()) {
                        flat.add(g.samples().get(0).groupKey());
                    }
                }
                yield r -> flat.contains(r.groupKey());
            }
        };
        return rows.stream().filter(keep).toList();
    }
}
