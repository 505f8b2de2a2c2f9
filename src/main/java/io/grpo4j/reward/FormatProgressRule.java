package io.grpo4j.reward;

/**
 * Ordered partial credit for the R1 format, a shaping rule for models that start from nothing:
 * the share of the tags {@code <think>} (unless pre-filled), {@code </think>}, {@code <answer>},
 * {@code </answer>} that appear in this order, each searched after the previous one. Unlike
 * {@code tag_count}, a shortcut such as "&lt;/think&gt;&lt;/answer&gt;" earns only the first step,
 * so the reward always points toward the full format.
 */
final class FormatProgressRule extends NamedRule {
    private final String[] tags;

    FormatProgressRule(String name, boolean prefilledThink) {
        super(name);
        this.tags = prefilledThink
                ? new String[] {"</think>", "<answer>", "</answer>"}
                : new String[] {"<think>", "</think>", "<answer>", "</answer>"};
    }

    @Override
    public RuleScore score(RewardInput in) {
        String t = in.completion();
        int from = 0;
        int matched = 0;
        for (String tag : tags) {
            int at = t.indexOf(tag, from);
            if (at < 0) {
                break;
            }
            matched++;
            from = at + tag.length();
        }
        return RuleScore.of((double) matched / tags.length);
    }
}
