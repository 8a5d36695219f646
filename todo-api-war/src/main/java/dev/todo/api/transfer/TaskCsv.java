package dev.todo.api.transfer;

import dev.todo.api.task.dto.TaskView;
import java.time.Instant;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * This app's CSV of tasks: one row per task, {@link #COLUMNS} in that order, times as ISO-8601 instants, tags joined
 * by semicolons (a semicolon or backslash in a tag is written with a backslash before it).
 */
final class TaskCsv {

    static final List<String> COLUMNS = List.of(
            "id",
            "title",
            "description",
            "priority",
            "category",
            "tags",
            "dueAt",
            "remindAt",
            "recurrence",
            "completed",
            "completedAt",
            "createdAt",
            "updatedAt");

    private TaskCsv() {}

    static String write(List<TaskView> tasks) {
        StringBuilder csv = new StringBuilder(Csv.line(COLUMNS));
        for (TaskView task : tasks) {
            csv.append(Csv.line(List.of(
                    task.id().toString(),
                    task.title(),
                    task.description(),
                    task.priority().name(),
                    task.category().name(),
                    task.tags().stream()
                            .map(tag -> tag.replace("\\", "\\\\").replace(";", "\\;"))
                            .collect(Collectors.joining(";")),
                    text(task.dueAt()),
                    text(task.remindAt()),
                    task.recurrence().name(),
                    Boolean.toString(task.completed()),
                    text(task.completedAt()),
                    text(task.createdAt()),
                    text(task.updatedAt()))));
        }
        return csv.toString();
    }

    /** The tags of a cell; empty for none. */
    static Set<String> tags(String cell) {
        Set<String> tags = new LinkedHashSet<>();
        StringBuilder tag = new StringBuilder();
        for (int i = 0; i < cell.length(); i++) {
            char c = cell.charAt(i);
            if (c == '\\' && i + 1 < cell.length()) {
                tag.append(cell.charAt(++i));
            } else if (c == ';') {
                add(tags, tag);
            } else {
                tag.append(c);
            }
        }
        add(tags, tag);
        return tags;
    }

    private static void add(Set<String> tags, StringBuilder tag) {
        String value = tag.toString().strip();
        if (!value.isEmpty()) {
            tags.add(value);
        }
        tag.setLength(0);
    }

    private static String text(Instant instant) {
        return instant == null ? "" : instant.toString();
    }
}
