package dev.todo.api.account.dto;

import dev.todo.api.account.User;
import java.time.Instant;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

@Schema(name = "User", description = "The signed-in user's account")
public record UserView(UUID id, String name, String email, Instant createdAt) {

    public static UserView of(User user) {
        return new UserView(user.getId(), user.getName(), user.getEmail(), user.getCreatedAt());
    }
}
