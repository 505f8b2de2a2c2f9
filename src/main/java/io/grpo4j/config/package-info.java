/** The run configuration: one tree of validated, immutable records; JSON/YAML load and save. */
package io.grpo4j.config;
