package io.grpo4j.config;

import com.fasterxml.jackson.annotation.JsonProperty;

/**
 * The whole run configuration: one tree of validated records, loaded from JSON or YAML by
 * {@link ConfigLoader} and written resolved (every default spelled out) to the run directory.
 */
public record RunConfig(
        @JsonProperty("run") RunSection run,
        @JsonProperty("model") ModelSection model,
        @JsonProperty("data") DataSection data,
        @JsonProperty("rewards") RewardSection rewards,
        @JsonProperty("grpo") GrpoConfig grpo,
        @JsonProperty("sampling") SamplingParams sampling,
        @JsonProperty("optim") OptimConfig optim) {

    public RunConfig {
        Checks.require(run != null, "config section 'run' is missing");
        Checks.require(model != null, "config section 'model' is missing");
        Checks.require(data != null, "config section 'data' is missing");
        rewards = rewards == null ? new RewardSection(null, null) : rewards;
        grpo = grpo == null ? GrpoConfig.defaults() : grpo;
        sampling = sampling == null ? SamplingParams.defaults() : sampling;
        optim = optim == null ? OptimConfig.defaults() : optim;
    }
}
