package dev.todo.web.api;

import java.time.Instant;
import java.util.List;

/**
 * The fields a user sets on a task: the body of {@code POST /tasks}, and of {@code PUT /tasks/{id}} with the
 * version read before editing (null when creating).
 */
public record TaskFields(
        String title,
        String description,
        String priority,
        String category,
        List<String> tags,
        Instant dueAt,
        Instant remindAt,
        String recurrence,
        Long version) {}
