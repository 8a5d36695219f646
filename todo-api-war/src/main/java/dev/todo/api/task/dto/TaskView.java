package dev.todo.api.task.dto;

import dev.todo.api.task.Category;
import dev.todo.api.task.Priority;
import dev.todo.api.task.Recurrence;
import dev.todo.api.task.Task;
import java.time.Instant;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** A task as the API shows it; sent back with PUT or PATCH, its read-only fields are ignored. */
@Schema(name = "Task", description = "A task of the signed-in user")
public record TaskView(
        @Schema(readOnly = true) UUID id,
        @Schema(example = "Buy milk") String title,
        @Schema(example = "Two litres, the organic one") String description,
        Priority priority,
        Category category,
        @Schema(example = "[\"errands\"]") List<String> tags,
        @Schema(example = "2026-12-01T09:00:00Z") Instant dueAt,
        Instant remindAt,
        Recurrence recurrence,

        @Schema(readOnly = true, description = "Changed through /tasks/{id}/completion")
        boolean completed,

        @Schema(readOnly = true) Instant completedAt,
        @Schema(readOnly = true) Instant createdAt,
        @Schema(readOnly = true) Instant updatedAt,

        @Schema(description = "Send it back with updates; a stale value gets 409")
        long version) {

    public static final Set<String> READ_ONLY = Set.of("id", "completed", "completedAt", "createdAt", "updatedAt");

    public static TaskView of(Task task) {
        return new TaskView(
                task.getId(),
                task.getTitle(),
                task.getDescription(),
                task.getPriority(),
                task.getCategory(),
                task.getTags().stream().sorted().toList(),
                task.getDueAt(),
                task.getRemindAt(),
                task.getRecurrence(),
                task.isCompleted(),
                task.getCompletedAt(),
                task.getCreatedAt(),
                task.getUpdatedAt(),
                task.getVersion());
    }
}
