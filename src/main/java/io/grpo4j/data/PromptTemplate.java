package io.grpo4j.data;

/** Turns a problem into the exact prompt text the policy continues. */
public interface PromptTemplate {
    /**
     * @throws IllegalArgumentException when the template needs a column the problem lacks (the
     *     message names the placeholder)
     */
    String render(Problem p);
}
