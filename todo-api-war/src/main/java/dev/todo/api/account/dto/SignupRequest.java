package dev.todo.api.account.dto;

import jakarta.validation.constraints.Email;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

@Schema(name = "SignupRequest")
public record SignupRequest(
        @NotBlank(message = "must not be blank")
        @Size(max = 100, message = "must be at most 100 characters")
        @Schema(example = "Ayesha Khan")
        String name,

        @NotBlank(message = "must not be blank")
        @Email(message = "must be a well-formed email address")
        @Size(max = 320, message = "must be at most 320 characters")
        @Schema(example = "ayesha@example.com")
        String email,

        @NotBlank(message = "must not be blank")
        @Size(min = 8, max = 200, message = "must be 8 to 200 characters")
        @Schema(example = "correct horse battery")
        String password) {}
