package dev.todo.api.assistant.dto;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

@Schema(name = "TitleChange")
public record TitleChange(
        @NotBlank(message = "must not be blank")
        @Size(max = 120, message = "must be at most 120 characters")
        @Schema(example = "Groceries")
        String title) {}
