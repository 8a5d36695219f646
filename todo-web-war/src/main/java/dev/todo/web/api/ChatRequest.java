package dev.todo.web.api;

/** Body of {@code POST /chat} and {@code POST /chat/stream}; without a conversation id it starts a new one. */
public record ChatRequest(String conversationId, String message) {
}
