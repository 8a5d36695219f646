package dev.todo.web.api;

/**
 * Body of {@code POST /chat} and {@code POST /chat/stream}; without a conversation id it starts a new one. The time
 * zone (IANA id) is the user's, so that "today" and "tomorrow" mean what the user means.
 */
public record ChatRequest(String conversationId, String message, String timeZone) {}
