package dev.todo.web.api;

/** {@code POST /tasks/{id}/completion}: the completed task and, for a recurring one, the occurrence it scheduled. */
public record Completion(Task task, Task nextOccurrence) {}
