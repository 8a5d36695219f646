package dev.todo.web.api;

import java.time.Instant;
import java.util.List;

/**
 * One stored message: {@code user}, {@code assistant} (text, or the tools it asked for), or {@code tool} (a tool's
 * answer, with {@code summary} saying what it did).
 */
public record Message(
        String role, String content, List<ToolCall> toolCalls, String tool, String summary, Instant createdAt) {}
