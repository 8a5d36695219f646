package dev.todo.web.api;

/** Body of {@code PATCH /me}. */
public record NameChange(String name) {}
