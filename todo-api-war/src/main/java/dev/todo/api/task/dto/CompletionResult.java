package dev.todo.api.task.dto;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

@Schema(name = "CompletionResult", description = "The completed task and, for a repeating task, its next occurrence")
public record CompletionResult(TaskView task, TaskView nextOccurrence) {}
