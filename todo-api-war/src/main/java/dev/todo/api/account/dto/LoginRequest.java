package dev.todo.api.account.dto;

import jakarta.validation.constraints.NotBlank;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

@Schema(name = "LoginRequest")
public record LoginRequest(
        @NotBlank(message = "must not be blank") @Schema(example = "ayesha@example.com")
        String email,

        @NotBlank(message = "must not be blank") @Schema(example = "correct horse battery")
        String password) {}
