package dev.todo.api.account.dto;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

@Schema(name = "PasswordChange")
public record PasswordChange(
        @NotBlank(message = "must not be blank") String currentPassword,

        @NotBlank(message = "must not be blank") @Size(min = 8, max = 200, message = "must be 8 to 200 characters")
        String newPassword) {}
