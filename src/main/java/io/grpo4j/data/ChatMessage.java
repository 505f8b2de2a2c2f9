package io.grpo4j.data;

/** One chat turn. */
public record ChatMessage(String role, String content) {}
