package io.grpo4j.config;

import com.fasterxml.jackson.annotation.JsonProperty;
import java.util.List;

/**
 * How completions are sampled.
 *
 * @param temperature softmax temperature; 0 = greedy
 * @param topK keep the k most likely tokens (0 = off)
 * @param topP keep the smallest set of tokens whose mass reaches p (1 = off)
 * @param minP keep tokens with probability ≥ min_p × the top token's (0 = off)
 * @param maxNewTokens completion length limit (finish reason "length")
 * @param stopTokenIds extra stop ids; the model's EOS ids always stop
 * @param stopStrings stop when the decoded text contains one of these
 * @param includeStopStrings keep the stop string at the end of the text (vLLM's include_stop_str_in_output); else cut before it
 * @param seed base seed; each completion draws from its own stream derived from (seed, prompt, sample)
 */
public record SamplingParams(
        @JsonProperty("temperature") float temperature,
        @JsonProperty("top_k") int topK,
        @JsonProperty("top_p") float topP,
        @JsonProperty("min_p") float minP,
        @JsonProperty("max_new_tokens") int maxNewTokens,
        @JsonProperty("stop_token_ids") List<Integer> stopTokenIds,
        @JsonProperty("stop_strings") List<String> stopStrings,
        @JsonProperty("include_stop_strings") boolean includeStopStrings,
        @JsonProperty("seed") long seed) {

    public SamplingParams {
        stopTokenIds = stopTokenIds == null ? List.of() : List.copyOf(stopTokenIds);
        stopStrings = stopStrings == null ? List.of() : List.copyOf(stopStrings);
        if (!(temperature >= 0)) {
            throw new IllegalArgumentException("sampling.temperature must be >= 0 (0 = greedy), got " + temperature);
        }
        if (topK < 0) {
            throw new IllegalArgumentException("sampling.top_k must be >= 0 (0 = off), got " + topK);
        }
        if (!(topP > 0 && topP <= 1)) {
            throw new IllegalArgumentException("sampling.top_p must be in (0, 1] (1 = off), got " + topP);
        }
        if (!(minP >= 0 && minP < 1)) {
            throw new IllegalArgumentException("sampling.min_p must be in [0, 1) (0 = off), got " + minP);
        }
        if (maxNewTokens <= 0) {
            throw new IllegalArgumentException("sampling.max_new_tokens must be > 0, got " + maxNewTokens);
        }
        for (String s : stopStrings) {
            if (s.isEmpty()) {
                throw new IllegalArgumentException("sampling.stop_strings must not contain an empty string");
            }
        }
    }

    public static SamplingParams defaults() {
        return new SamplingParams(1.0f, 0, 1.0f, 0f, 256, List.of(), List.of(), false, 0);
    }

    public SamplingParams withSeed(long newSeed) {
        return new SamplingParams(temperature, topK, topP, minP, maxNewTokens, stopTokenIds, stopStrings, includeStopStrings, newSeed);
    }

    public SamplingParams withTemperature(float t) {
        return new SamplingParams(t, topK, topP, minP, maxNewTokens, stopTokenIds, stopStrings, includeStopStrings, seed);
    }

    public SamplingParams withMaxNewTokens(int n) {
        return new SamplingParams(temperature, topK, topP, minP, n, stopTokenIds, stopStrings, includeStopStrings, seed);
    }
}
