package dev.todo.api.account.dto;

import java.time.Instant;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

@Schema(name = "TokenResponse", description = "A bearer token for the API and the account it belongs to")
public record TokenResponse(
        String token, @Schema(example = "Bearer") String tokenType, Instant expiresAt, UserView user) {}
