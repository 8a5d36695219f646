package dev.todo.web.api;

import java.time.Instant;

/** The signed-in user as {@code GET /me} describes them. */
public record User(String id, String name, String email, Instant createdAt) {}
