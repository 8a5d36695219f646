package dev.todo.api.account.dto;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** The answer to {@code POST /api/tokens}: the only time the token is shown. */
@Schema(name = "CreatedPersonalToken", description = "The new token, shown this once, and its details")
public record CreatedPersonalToken(
        @Schema(description = "Send as Authorization: Bearer <token>; it is not stored and cannot be shown again")
        String token,

        @Schema(example = "Bearer") String tokenType,
        PersonalTokenView details) {}
