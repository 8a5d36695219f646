package dev.todo.api.account.dto;

import jakarta.validation.constraints.NotBlank;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** The body of {@code DELETE /api/me}: the password, so that a borrowed session cannot delete an account. */
@Schema(name = "AccountDeletion")
public record AccountDeletion(
        @NotBlank(message = "must not be blank") String password) {}
