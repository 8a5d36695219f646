package dev.todo.api.account.dto;

import dev.todo.api.account.User;
import java.time.Instant;
import java.util.Set;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** The account as the API shows it; sent back with PATCH, its read-only fields are ignored. */
@Schema(name = "User", description = "The signed-in user's account")
public record UserView(
        @Schema(readOnly = true) UUID id,
        String name,

        @Schema(readOnly = true) String email,

        @Schema(readOnly = true) Instant createdAt) {

    public static final Set<String> READ_ONLY = Set.of("id", "email", "createdAt");

    public static UserView of(User user) {
        return new UserView(user.getId(), user.getName(), user.getEmail(), user.getCreatedAt());
    }
}
