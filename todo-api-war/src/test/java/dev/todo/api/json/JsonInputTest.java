package dev.todo.api.json;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.todo.api.problem.FieldError;
import dev.todo.api.problem.ProblemException;
import dev.todo.api.task.Priority;
import jakarta.json.Json;
import java.time.Instant;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import org.junit.jupiter.api.Test;

class JsonInputTest {

    private static final Set<String> FIELDS = Set.of("title", "priority", "dueAt", "tags", "version");

    @Test
    void readsEachTypeAndRemembersWhichFieldsWerePresent() {
        JsonInput input = JsonInput.of(
                "{\"title\":\"x\",\"priority\":\"HIGH\",\"dueAt\":\"2026-12-01T10:00:00+01:00\","
                        + "\"tags\":[\"a\",\"b\"],\"version\":3}",
                FIELDS);

        assertThat(input.string("title")).isEqualTo("x");
        assertThat(input.enumValue("priority", Priority.class)).isEqualTo(Priority.HIGH);
        assertThat(input.instant("dueAt")).isEqualTo(Instant.parse("2026-12-01T09:00:00Z"));
        assertThat(input.strings("tags")).containsExactly("a", "b");
        assertThat(input.wholeNumber("version")).isEqualTo(3L);
        assertThat(input.errors()).isEmpty();
        assertThat(input.present()).containsExactlyInAnyOrder("title", "priority", "dueAt", "tags", "version");
    }

    @Test
    void explicitNullIsPresentButHasNoValue() {
        JsonInput input = JsonInput.of("{\"dueAt\":null}", FIELDS);

        assertThat(input.has("dueAt")).isTrue();
        assertThat(input.instant("dueAt")).isNull();
        assertThat(input.errors()).isEmpty();
    }

    @Test
    void everyTypeErrorIsCollectedWithItsField() {
        JsonInput input = JsonInput.of(
                "{\"title\":5,\"priority\":\"SOON\",\"dueAt\":\"monday\",\"tags\":[1],"
                        + "\"version\":1.5,\"extra\":true}",
                FIELDS);
        input.string("title");
        input.enumValue("priority", Priority.class);
        input.instant("dueAt");
        input.strings("tags");
        input.wholeNumber("version");

        assertThat(input.errors())
                .extracting(FieldError::field)
                .containsExactlyInAnyOrder("extra", "title", "priority", "dueAt", "tags[0]", "version");
    }

    @Test
    void bodiesThatAreNotObjectsOrNotJsonAreRefused() {
        assertThatThrownBy(() -> JsonInput.of("[]", FIELDS)).isInstanceOf(ProblemException.class);
        assertThatThrownBy(() -> JsonInput.of("{\"title\":", FIELDS))
                .isInstanceOf(ProblemException.class)
                .hasMessageContaining("Malformed JSON");
        assertThatThrownBy(() -> JsonInput.of("[".repeat(3000) + "]".repeat(3000), FIELDS))
                .isInstanceOf(ProblemException.class);
        assertThatThrownBy(() -> JsonInput.of(" ", FIELDS)).isInstanceOf(ProblemException.class);
    }

    @Test
    void textPostgresqlCouldNotStoreExactlyIsRefusedWithItsField() {
        JsonInput input = JsonInput.of("{\"title\":\"a\\u0000b\",\"tags\":[\"ok\",\"x\\ud800y\"]}", FIELDS);

        assertThat(input.string("title")).isNull();
        assertThat(input.strings("tags")).containsExactly("ok");
        assertThat(input.errors()).extracting(FieldError::field).containsExactly("title", "tags[1]");
    }

    @Test
    void pairedSurrogatesAreWellFormedText() {
        JsonInput input = JsonInput.of("{\"title\":\"\\ud83d\\ude00 and \ud835\udd4b\"}", FIELDS);

        assertThat(input.string("title")).isEqualTo("\ud83d\ude00 and \ud835\udd4b");
        assertThat(input.errors()).isEmpty();
    }

    @Test
    void aResourcesOwnRepresentationIsReadWithItsReadOnlyFieldsIgnored() {
        UUID id = UUID.randomUUID();
        JsonInput input = JsonInput.of(
                "{\"id\":\"" + id + "\",\"title\":\"x\",\"createdAt\":\"2026-01-01T00:00:00Z\",\"completed\":true}",
                FIELDS,
                Set.of("id", "createdAt", "completed"),
                id);

        assertThat(input.errors()).isEmpty();
        assertThat(input.string("title")).isEqualTo("x");
    }

    @Test
    void anIdThatIsNotTheResourcesOwnIsAnError() {
        UUID id = UUID.randomUUID();
        JsonInput other = JsonInput.of("{\"id\":\"" + UUID.randomUUID() + "\"}", FIELDS, Set.of("id"), id);
        JsonInput malformed = JsonInput.of("{\"id\":\"not-an-id\"}", FIELDS, Set.of("id"), id);

        assertThat(other.errors()).extracting(FieldError::field).containsExactly("id");
        assertThat(other.errors().get(0).message()).contains(id.toString());
        assertThat(malformed.errors()).containsExactly(new FieldError("id", "must be a UUID"));
    }

    @Test
    void readOnlyFieldsAreStillUnknownWhereTheyAreNotAllowed() {
        assertThat(JsonInput.of("{\"createdAt\":\"2026-01-01T00:00:00Z\"}", FIELDS)
                        .errors())
                .containsExactly(new FieldError("createdAt", "unknown field"));
    }

    @Test
    void missingRequiredFieldsAreNamed() {
        JsonInput input = JsonInput.of("{\"title\":\"x\"}", FIELDS).required(List.of("title", "version"));

        assertThat(input.errors()).containsExactly(new FieldError("version", "is required"));
        assertThatThrownBy(input::failIfInvalid).isInstanceOf(ProblemException.class);
    }

    @Test
    void argumentsThatAreNotAnObjectAreRefused() {
        assertThatThrownBy(() -> JsonInput.of(Json.createArrayBuilder().build(), FIELDS))
                .isInstanceOf(ProblemException.class);
    }
}
