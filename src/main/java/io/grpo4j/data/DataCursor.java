package io.grpo4j.data;

import com.fasterxml.jackson.annotation.JsonProperty;

/** Position in a {@link ProblemStream}: the epoch and the index within that epoch's order. */
public record DataCursor(@JsonProperty("epoch") int epoch, @JsonProperty("position") int position) {}
