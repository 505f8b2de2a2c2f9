package io.grpo4j.data;

import java.util.Objects;

/**
 * One turn of a chat.
 *
 * @param role {@code system}, {@code user} or {@code assistant}
 * @param content the turn's text
 */
public record ChatMessage(String role, String content) {
    public ChatMessage {
        Objects.requireNonNull(role, "role");
        Objects.requireNonNull(content, "content");
    }
}
