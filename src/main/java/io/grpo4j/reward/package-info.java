/** Rule-based rewards: the rule contract, built-in rules, math answer equivalence, rule sets. No DJL. */
package io.grpo4j.reward;
