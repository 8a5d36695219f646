package dev.todo.api.task.dto;

import java.util.List;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

@Schema(name = "TaskPage", description = "One page of a task list and the total number of matches")
public record TaskPage(List<TaskView> items, int page, int size, long total, int totalPages) {}
