package dev.todo.web.api;

/** Body of {@code PATCH /conversations/{id}}. */
public record TitleChange(String title) {}
