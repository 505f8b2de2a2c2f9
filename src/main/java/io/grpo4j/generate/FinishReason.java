package io.grpo4j.generate;

/** Why a completion ended. */
public enum FinishReason {
    /** A stop token (EOS) was sampled; it is the last entry of the token ids. */
    STOP_TOKEN,
    /** A stop string appeared in the decoded text; the text is cut before it. */
    STOP_STRING,
    /** max_new_tokens reached. */
    LENGTH;

    /** The OpenAI/vLLM spelling: "stop" or "length". */
    public String json() {
        return this == LENGTH ? "length" : "stop";
    }
}
