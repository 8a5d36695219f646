package dev.todo.api.assistant.dto;

import dev.todo.api.json.JsonInput;
import dev.todo.api.json.TimeZoneName;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;
import java.time.ZoneId;
import java.util.Set;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

@Schema(
        name = "ChatRequest",
        description = "A message to the assistant; without conversationId it starts a new conversation")
public record ChatRequest(
        @Schema(description = "The conversation to continue")
        UUID conversationId,

        @NotBlank(message = "must not be blank")
        @Size(max = 4000, message = "must be at most 4000 characters")
        @Schema(example = "Add buy milk for tomorrow at 9")
        String message,

        @Size(max = TimeZoneName.MAX_LENGTH, message = "must be at most " + TimeZoneName.MAX_LENGTH + " characters")
        @TimeZoneName
        @Schema(
                description =
                        "The user's IANA time zone; the assistant's 'today' and 'this week' are there. UTC when left out",
                example = "Asia/Karachi")
        String timeZone) {

    public static final Set<String> FIELDS = Set.of("conversationId", "message", "timeZone");

    public static ChatRequest read(JsonInput input) {
        return new ChatRequest(input.uuid("conversationId"), input.string("message"), input.string("timeZone"));
    }

    /** The time zone of a validated request; UTC when none was given. */
    public ZoneId zone() {
        return TimeZoneName.Rule.zone(timeZone);
    }
}
