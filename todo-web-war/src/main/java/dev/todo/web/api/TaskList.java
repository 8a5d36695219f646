package dev.todo.web.api;

import java.util.List;

/** One page of {@code GET /tasks}. */
public record TaskList(List<Task> items, int page, int size, long total, int totalPages) {

    public List<Task> items() {
        return items == null ? List.of() : items;
    }
}
