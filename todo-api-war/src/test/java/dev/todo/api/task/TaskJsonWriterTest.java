package dev.todo.api.task;

import static org.assertj.core.api.Assertions.assertThat;

import dev.todo.api.task.dto.TaskPage;
import dev.todo.api.task.dto.TaskView;
import jakarta.json.bind.Jsonb;
import jakarta.json.bind.JsonbBuilder;
import jakarta.json.bind.JsonbConfig;
import jakarta.ws.rs.core.MediaType;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import java.util.Random;
import java.util.UUID;
import org.junit.jupiter.api.Test;

class TaskJsonWriterTest {

    private static final TaskView FULL = new TaskView(
            UUID.fromString("0b6f3c52-6a8e-4c35-9a59-0f5c9a1c3e11"),
            "Pay \"rent\" \u00e9 \u0627\u0631\u062f\u0648 \ud83d\ude00\n<b>",
            "Line one\\two\ttabbed",
            Priority.HIGH,
            Category.HOME,
            List.of("bills", "home"),
            Instant.parse("2026-12-01T09:00:00Z"),
            Instant.parse("2026-12-01T08:30:00.123456Z"),
            Recurrence.MONTHLY,
            true,
            Instant.parse("2026-11-30T10:15:30.5Z"),
            Instant.parse("2026-11-01T00:00:00Z"),
            Instant.parse("2026-11-30T10:15:30.5Z"),
            7);

    private static final TaskView SPARSE = new TaskView(
            UUID.fromString("1c7a4d63-7b9f-4d46-8b6a-1a6d8b2d4f22"),
            "Plain",
            "",
            Priority.MEDIUM,
            Category.OTHER,
            List.of(),
            null,
            null,
            Recurrence.NONE,
            false,
            null,
            Instant.parse("2026-11-02T12:00:00.000001Z"),
            Instant.parse("2026-11-02T12:00:00.000001Z"),
            1);

    private final Jsonb jsonb = JsonbBuilder.create(new JsonbConfig().withNullValues(true));

    @Test
    void aTaskIsWrittenExactlyAsJsonBWritesIt() {
        assertThat(written(FULL)).isEqualTo(jsonb.toJson(FULL));
        assertThat(written(SPARSE)).isEqualTo(jsonb.toJson(SPARSE));
    }

    @Test
    void aPageIsWrittenExactlyAsJsonBWritesIt() {
        TaskPage page = new TaskPage(List.of(FULL, SPARSE), 2, 20, 42, 3);

        assertThat(written(page)).isEqualTo(jsonb.toJson(page));
    }

    @Test
    void anyTextIsEncodedByteForByteAsJsonBEncodesIt() {
        Random random = new Random(17);
        for (int i = 0; i < 2_000; i++) {
            TaskView task = new TaskView(
                    UUID.randomUUID(),
                    randomText(random),
                    randomText(random),
                    Priority.LOW,
                    Category.WORK,
                    List.of(randomText(random), randomText(random)),
                    null,
                    Instant.ofEpochSecond(random.nextInt(2_000_000_000), random.nextInt(1_000_000_000)),
                    Recurrence.DAILY,
                    random.nextBoolean(),
                    null,
                    Instant.ofEpochSecond(random.nextInt(2_000_000_000)),
                    Instant.ofEpochSecond(random.nextInt(2_000_000_000), random.nextInt(1_000) * 1_000_000),
                    random.nextLong());
            ByteArrayOutputStream expected = new ByteArrayOutputStream();
            jsonb.toJson(task, expected);

            assertThat(writtenBytes(task)).as("task %s", task).isEqualTo(expected.toByteArray());
        }
    }

    /** Mostly the hard cases: controls, quotes, backslashes, DEL, non-ASCII, surrogate pairs and lone surrogates. */
    private static String randomText(Random random) {
        char[][] kinds = {
            {'a', 'Z', '7', ' ', '/', '<', '&', '\'', '~'},
            {'"', '\\'},
            {'\u0000', '\u0001', '\b', '\t', '\n', '\u000b', '\f', '\r', '\u001b', '\u001f', '\u007f'},
            {'\u00e9', '\u0627', '\u2028', '\u20ac', '\ufeff', '\uffff'},
            {'\ud83d', '\ude00', '\udbff', '\udfff'}
        };
        StringBuilder text = new StringBuilder();
        int length = random.nextInt(12);
        for (int i = 0; i < length; i++) {
            char[] kind = kinds[random.nextInt(kinds.length)];
            text.append(kind[random.nextInt(kind.length)]);
        }
        return text.toString();
    }

    @Test
    void onlyTasksAndPagesAreWrittenByIt() {
        TaskJsonWriter writer = new TaskJsonWriter();

        assertThat(writer.isWriteable(TaskView.class, TaskView.class, null, MediaType.APPLICATION_JSON_TYPE))
                .isTrue();
        assertThat(writer.isWriteable(TaskPage.class, TaskPage.class, null, MediaType.APPLICATION_JSON_TYPE))
                .isTrue();
        assertThat(writer.isWriteable(String.class, String.class, null, MediaType.APPLICATION_JSON_TYPE))
                .isFalse();
    }

    private static String written(Object entity) {
        return new String(writtenBytes(entity), StandardCharsets.UTF_8);
    }

    private static byte[] writtenBytes(Object entity) {
        ByteArrayOutputStream body = new ByteArrayOutputStream();
        try {
            new TaskJsonWriter().writeTo(entity, entity.getClass(), entity.getClass(), null, null, null, body);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return body.toByteArray();
    }
}
