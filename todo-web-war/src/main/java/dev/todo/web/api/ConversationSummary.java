package dev.todo.web.api;

import java.time.Instant;

/** One entry of {@code GET /conversations}. */
public record ConversationSummary(String id, String title, Instant createdAt, Instant updatedAt) {}
