package dev.todo.web.api;

import java.time.Instant;

/** What signing up or in returns: a bearer token, when it expires, and who it is for. */
public record Session(String token, String tokenType, Instant expiresAt, User user) {}
