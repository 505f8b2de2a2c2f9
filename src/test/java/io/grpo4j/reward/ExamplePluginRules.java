package io.grpo4j.reward;

import java.util.Map;

/** Java rule classes used by the plugin tests, loaded by class name from the test classpath. */
final class ExamplePluginRules {
    private ExamplePluginRules() {}

    /** 1.0 when the completion contains {@code word} in capitals; takes parameters through its Map constructor. */
    public static final class Shouting implements RewardRule {
        private final String word;

        public Shouting(Map<String, Object> params) {
            Object w = params.get("word");
            if (!(w instanceof String s)) {
                throw new IllegalArgumentException("Shouting needs a \"word\" string");
            }
            this.word = s.toUpperCase(java.util.Locale.ROOT);
        }

        @Override
        public String name() {
            return "shouting";
        }

        @Override
        public RuleScore score(RewardInput in) {
            return RuleScore.of(in.completion().contains(word) ? 1.0 : 0.0);
        }
    }

    /** Ignores interruption and takes {@link #MILLIS} ms: stands for a plugin that hangs. */
    public static final class Stuck implements RewardRule {
        static final long MILLIS = 1500;

        @Override
        public String name() {
            return "stuck";
        }

        @Override
        public RuleScore score(RewardInput in) {
            long end = System.nanoTime() + MILLIS * 1_000_000;
            while (System.nanoTime() < end) {
                try {
                    Thread.sleep(20);
                } catch (InterruptedException e) {
                    // deliberately ignored: this rule models a plugin that does not stop when asked
                }
            }
            return RuleScore.of(1.0);
        }
    }

    /** Throws on every call: stands for a buggy plugin. */
    public static final class Broken implements RewardRule {
        @Override
        public String name() {
            return "broken";
        }

        @Override
        public RuleScore score(RewardInput in) {
            throw new IllegalStateException("boom");
        }
    }
}
