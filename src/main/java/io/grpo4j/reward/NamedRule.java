package io.grpo4j.reward;

/** Base of the built-in rules: the name a rule set reports its scores under. */
abstract class NamedRule implements RewardRule {
    private final String name;

    NamedRule(String name) {
        this.name = name;
    }

    @Override
    public final String name() {
        return name;
    }
}
