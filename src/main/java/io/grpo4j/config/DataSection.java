package io.grpo4j.config;

import com.fasterxml.jackson.annotation.JsonProperty;
import io.grpo4j.data.DatasetSpec;

/**
 * Problems and how they become prompts.
 *
 * @param train training problems
 * @param eval held-out problems (null: the train spec's eval split, if it has one)
 * @param template prompt template name (r1-zero, chat, boxed, countdown) or custom text with {question}
 * @param prefillThink end the prompt with "&lt;think&gt;" so the completion starts inside the thinking part
 * @param systemPrompt system message for the chat template (null: the template's default)
 * @param evalLimit evaluate on at most this many held-out problems (0 = all)
 */
public record DataSection(
        @JsonProperty("train") DatasetSpec train,
        @JsonProperty("eval") DatasetSpec eval,
        @JsonProperty("template") String template,
        @JsonProperty("prefill_think") boolean prefillThink,
        @JsonProperty("system_prompt") String systemPrompt,
        @JsonProperty("eval_limit") int evalLimit) {

    public DataSection {
        template = template == null ? "r1-zero" : template;
        Checks.require(train != null, "data.train is required (a dataset spec with at least a path)");
        Checks.require(evalLimit >= 0, "data.eval_limit must be >= 0 (0 = all), got " + evalLimit);
    }
}
