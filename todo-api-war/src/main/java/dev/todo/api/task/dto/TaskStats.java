package dev.todo.api.task.dto;

import dev.todo.api.task.Category;
import dev.todo.api.task.Priority;
import java.util.Map;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

@Schema(
        name = "TaskStats",
        description = "Counts over all tasks of the user; byPriority and byCategory count open tasks")
public record TaskStats(
        long total,
        long open,
        long completed,
        long overdue,
        long dueToday,
        Map<Priority, Long> byPriority,
        Map<Category, Long> byCategory) {}
