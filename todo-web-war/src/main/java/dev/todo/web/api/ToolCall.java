package dev.todo.web.api;

/** A task tool the assistant used; {@code result} says what it did, for people ("Created task 'Buy milk'"). */
public record ToolCall(String name, String result, boolean error) {}
