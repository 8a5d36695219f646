package dev.todo.web.task;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.time.ZoneId;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

class TaskFormTest {

    private static TaskForm titled(String title) {
        TaskForm form = new TaskForm();
        form.setTitle(title);
        return form;
    }

    @Test
    void takesAsManyTagsAsTheApiAndSaysWhenThereAreMore() {
        TaskForm twenty = titled("Tagged");
        twenty.setTags(IntStream.range(0, 20).mapToObj(i -> "t" + i).collect(Collectors.joining(",")));
        TaskForm more = titled("Tagged");
        more.setTags(IntStream.range(0, 23).mapToObj(i -> "t" + i).collect(Collectors.joining(",")));

        assertThat(twenty.problems()).isEmpty();
        assertThat(twenty.toFields(null).tags()).hasSize(20);
        assertThat(more.problems()).containsEntry("tags", "A task can have at most 20 tags; this one has 23.");
    }

    @Test
    void overlongNotesAreNamedWithTheirLength() {
        TaskForm form = titled("Notes");
        form.setDescription("n".repeat(4120));

        assertThat(form.problems())
                .containsEntry("description", "The notes can have at most 4,000 characters; they have 4,120.");
    }

    @Test
    void aTitleIsNeededAndHasALimit() {
        assertThat(titled("  ").problems()).containsEntry("title", "Give the task a title.");
        assertThat(titled("t".repeat(256)).problems()).containsKey("title");
        assertThat(titled("t".repeat(255)).problems()).isEmpty();
    }

    @Test
    void theLineFillsOnlyWhatTheDetailsLeftAtTheirDefaults() {
        TaskForm form = titled("ignored");
        form.setPriority("LOW");
        form.setTags("errands");
        QuickAdd.Parsed line = QuickAdd.parse("Pay rent tomorrow !high #home every month", QuickAddTest.NOW);

        TaskForm merged = form.withLine(line, ZoneId.of("Europe/Berlin"));

        assertThat(merged.getTitle()).isEqualTo("Pay rent");
        assertThat(merged.getPriority()).isEqualTo("LOW");
        assertThat(merged.getRecurrence()).isEqualTo("MONTHLY");
        assertThat(merged.getDueAt()).isEqualTo(Instant.parse("2026-12-02T22:59:00Z"));
        assertThat(TaskForm.parseTags(merged.getTags())).containsExactly("errands", "home");
    }

    @Test
    void aReminderAfterTheDueTimeIsNoticed() {
        TaskForm form = titled("Late reminder");
        form.setDueAt(Instant.parse("2026-12-02T09:00:00Z"));
        form.setRemindAt(Instant.parse("2026-12-02T10:00:00Z"));

        assertThat(form.remindsAfterDue()).isTrue();
    }
}
