package dev.todo.api.account.dto;

import java.time.Instant;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** A personal access token as its owner sees it in the list: never the token itself. */
@Schema(name = "PersonalToken", description = "A personal access token; the token itself is shown only on creation")
public record PersonalTokenView(
        UUID id,
        @Schema(example = "Claude Desktop on my laptop") String name,
        @Schema(enumeration = {"read", "read-write"}) String scope,

        @Schema(enumeration = {"active", "expired", "revoked"})
        String status,

        Instant createdAt,
        @Schema(description = "null: never expires") Instant expiresAt,

        @Schema(description = "null: never used; recorded to the minute")
        Instant lastUsedAt,

        @Schema(description = "Set when \"sign out everywhere\" or a password change ended it")
        Instant revokedAt) {}
