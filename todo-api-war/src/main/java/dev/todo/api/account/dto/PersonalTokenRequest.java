package dev.todo.api.account.dto;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.util.Set;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** The body of {@code POST /api/tokens}. */
@Schema(name = "PersonalTokenRequest")
public record PersonalTokenRequest(
        @NotBlank(message = "must not be blank")
        @Size(max = 100, message = "must be at most 100 characters")
        @Schema(example = "Claude Desktop on my laptop")
        String name,

        @NotNull(message = "is required: read or read-write")
        @Pattern(regexp = "read|read-write", message = "must be read or read-write")
        @Schema(
                enumeration = {"read", "read-write"},
                example = "read")
        String scope,

        @Schema(
                description = "30, 90 or 365; null or left out for a token that does not expire",
                enumeration = {"30", "90", "365"})
        Long expiresInDays) {

    public static final Set<String> FIELDS = Set.of("name", "scope", "expiresInDays");
}
