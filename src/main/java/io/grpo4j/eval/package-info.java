/** Held-out evaluation: pass@1, mean reward and format rate, reusing the generator and the rules. */
package io.grpo4j.eval;
