package dev.todo.web.api;

import java.time.Instant;
import java.util.List;

/** A task as the API returns it. */
public record Task(
        String id,
        String title,
        String description,
        String priority,
        String category,
        List<String> tags,
        Instant dueAt,
        Instant remindAt,
        String recurrence,
        boolean completed,
        Instant completedAt,
        Instant createdAt,
        Instant updatedAt,
        long version) {

    public List<String> tags() {
        return tags == null ? List.of() : tags;
    }

    public boolean recurring() {
        return recurrence != null && !"NONE".equals(recurrence);
    }
}
