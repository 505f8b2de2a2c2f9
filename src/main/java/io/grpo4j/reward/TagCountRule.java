package io.grpo4j.reward;

/** Partial credit while the format is learned: 0.25 for each of the four tags present exactly once. */
final class TagCountRule extends NamedRule {
    private final boolean prefilledThink;

    TagCountRule(String name, boolean prefilledThink) {
        super(name);
        this.prefilledThink = prefilledThink;
    }

    @Override
    public RuleScore score(RewardInput in) {
        String t = in.completion();
        double s = 0;
        // A pre-filled <think> lives in the prompt: the completion earns that quarter by not repeating it.
        s += prefilledThink ? (Tags.count(t, "<think>") == 0 ? 0.25 : 0) : (Tags.count(t, "<think>") == 1 ? 0.25 : 0);
        for (String tag : new String[] {"</think>", "<answer>", "</answer>"}) {
            s += Tags.count(t, tag) == 1 ? 0.25 : 0;
        }
        return RuleScore.of(s);
    }
}
