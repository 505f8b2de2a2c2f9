package io.grpo4j.reward.math;

import java.util.Arrays;
import java.util.List;
import java.util.stream.Collectors;

/** Where a final answer can be found in a completion, in the order rules usually try them. */
public enum AnswerSource {
    /** The content of the last {@code <answer>…</answer>} block. */
    ANSWER_TAG("answer_tag"),
    /** The last {@code \boxed{…}} or {@code \fbox{…}}, braces balanced. */
    BOXED("boxed"),
    /** Whatever follows the last "the answer is" or "####", up to the end of the line. */
    ANSWER_IS("answer_is"),
    /** The last number in the text. */
    LAST_NUMBER("last_number");

    /** Every source, in the default order. */
    public static final List<AnswerSource> ALL = List.of(values());

    private final String key;

    AnswerSource(String key) {
        this.key = key;
    }

    /** The name used in rule files ({@code "extract": ["answer_tag", "boxed"]}). */
    public String key() {
        return key;
    }

    /** Parses a rule-file name; the error lists the valid ones. */
    public static AnswerSource fromKey(String key) {
        for (AnswerSource s : values()) {
            if (s.key.equals(key)) {
                return s;
            }
        }
        throw new IllegalArgumentException("unknown answer source '" + key + "'; expected one of "
                + Arrays.stream(values()).map(AnswerSource::key).collect(Collectors.joining(", ")));
    }
}
