package dev.todo.web.api;

import java.time.Instant;

/** A personal access token as {@code GET /tokens} lists it: never the token itself. */
public record PersonalToken(
        String id,
        String name,
        String scope,
        String status,
        Instant createdAt,
        Instant expiresAt,
        Instant lastUsedAt,
        Instant revokedAt) {

    public boolean active() {
        return "active".equals(status);
    }

    public boolean readOnly() {
        return "read".equals(scope);
    }
}
