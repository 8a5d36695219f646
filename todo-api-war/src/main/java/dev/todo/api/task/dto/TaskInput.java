package dev.todo.api.task.dto;

import dev.todo.api.json.JsonInput;
import dev.todo.api.task.Category;
import dev.todo.api.task.Priority;
import dev.todo.api.task.Recurrence;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;
import java.time.Instant;
import java.util.LinkedHashSet;
import java.util.Set;
import java.util.stream.Collectors;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/**
 * The fields of a task as a client sends them to create, replace or patch it. {@link #present()} says which fields
 * the body contained, so a patch changes only those (an explicit {@code null} clears a date).
 */
@Schema(name = "TaskInput", description = "Task fields; on create only title is required, on PUT also version")
public record TaskInput(
        @NotBlank(message = "must not be blank")
        @Size(max = MAX_TITLE, message = "must be at most " + MAX_TITLE + " characters")
        @Schema(example = "Buy milk")
        String title,

        @Size(max = MAX_DESCRIPTION, message = "must be at most " + MAX_DESCRIPTION + " characters")
        String description,

        @Schema(defaultValue = "MEDIUM") Priority priority,
        @Schema(defaultValue = "OTHER") Category category,

        @Size(max = MAX_TAGS, message = "must have at most " + MAX_TAGS + " tags")
        Set<
                        @NotBlank(message = "must not be blank")
                        @Size(max = MAX_TAG, message = "must be at most " + MAX_TAG + " characters") String>
                tags,

        @Schema(example = "2026-12-01T09:00:00Z") Instant dueAt,
        @Schema(example = "2026-12-01T08:30:00Z") Instant remindAt,
        @Schema(defaultValue = "NONE") Recurrence recurrence,

        @Schema(description = "The version the client last saw")
        Long version,

        @Schema(hidden = true) Set<String> present) {

    /** The limits, also stated in the task tools' argument schemas. */
    public static final int MAX_TITLE = 255;

    public static final int MAX_DESCRIPTION = 4000;
    public static final int MAX_TAGS = 20;
    public static final int MAX_TAG = 40;

    public static final Set<String> FIELDS = Set.of(
            "title", "description", "priority", "category", "tags", "dueAt", "remindAt", "recurrence", "version");

    /** Reads the {@link #FIELDS} of a body; type errors stay in the reader for the validation step. */
    public static TaskInput read(JsonInput input) {
        String title = input.string("title");
        Set<String> tags = input.strings("tags");
        return new TaskInput(
                title == null ? null : title.strip(),
                input.string("description"),
                input.enumValue("priority", Priority.class),
                input.enumValue("category", Category.class),
                tags == null ? null : strip(tags),
                input.instant("dueAt"),
                input.instant("remindAt"),
                input.enumValue("recurrence", Recurrence.class),
                input.wholeNumber("version"),
                input.present().stream().filter(FIELDS::contains).collect(Collectors.toUnmodifiableSet()));
    }

    private static Set<String> strip(Set<String> tags) {
        Set<String> stripped = new LinkedHashSet<>();
        tags.forEach(tag -> stripped.add(tag.strip()));
        return stripped;
    }

    public boolean has(String field) {
        return present.contains(field);
    }
}
