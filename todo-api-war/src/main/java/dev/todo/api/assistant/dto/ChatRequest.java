package dev.todo.api.assistant.dto;

import dev.todo.api.json.JsonInput;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;
import java.time.DateTimeException;
import java.time.ZoneId;
import java.util.Set;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

@Schema(
        name = "ChatRequest",
        description = "A message to the assistant; without conversationId it starts a new conversation")
public record ChatRequest(
        @Schema(description = "The conversation to continue", format = "uuid")
        String conversationId,

        @NotBlank(message = "must not be blank")
        @Size(max = 4000, message = "must be at most 4000 characters")
        @Schema(example = "Add buy milk for tomorrow at 9")
        String message,

        @Size(max = 64, message = "must be at most 64 characters")
        @Schema(
                description =
                        "The user's IANA time zone; the assistant's 'today' and 'this week' are there. UTC when left out",
                example = "Asia/Karachi")
        String timeZone) {

    public static final Set<String> FIELDS = Set.of("conversationId", "message", "timeZone");

    public static ChatRequest read(JsonInput input) {
        return new ChatRequest(input.string("conversationId"), input.string("message"), input.string("timeZone"));
    }

    /** The time zone, or null when none was given. */
    public ZoneId zone() {
        return timeZone == null || timeZone.isBlank() ? null : ZoneId.of(timeZone.strip());
    }

    /** Whether timeZone is absent or names a time zone. */
    public boolean hasValidTimeZone() {
        try {
            zone();
            return true;
        } catch (DateTimeException e) {
            return false;
        }
    }
}
