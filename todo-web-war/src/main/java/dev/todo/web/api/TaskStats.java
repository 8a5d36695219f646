package dev.todo.web.api;

import java.util.Map;

/** {@code GET /tasks/stats}: counts over all of the user's tasks. */
public record TaskStats(
        long total,
        long open,
        long completed,
        long overdue,
        long dueToday,
        Map<String, Long> byPriority,
        Map<String, Long> byCategory) {

    public static final TaskStats NONE = new TaskStats(0, 0, 0, 0, 0, Map.of(), Map.of());
}
