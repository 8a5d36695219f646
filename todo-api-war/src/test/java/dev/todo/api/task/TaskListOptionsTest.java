package dev.todo.api.task;

import static java.util.regex.Pattern.compile;
import static org.assertj.core.api.Assertions.assertThat;

import jakarta.validation.constraints.Pattern;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.junit.jupiter.api.Test;

class TaskListOptionsTest {

    @Test
    void eachFilterAcceptsExactlyTheNamesOfItsValuesInAnyCase() throws Exception {
        assertAcceptsExactly("status", TaskQuery.Status.values());
        assertAcceptsExactly("priority", Priority.values());
        assertAcceptsExactly("category", Category.values());
        assertAcceptsExactly("due", TaskQuery.DueWindow.values());
        assertAcceptsExactly("reminder", TaskQuery.Reminder.values());
    }

    @Test
    void sortTakesTheTaskFieldNamesOfEveryOrder() throws Exception {
        assertThat(Arrays.stream(TaskQuery.Sort.values()))
                .allSatisfy(sort -> assertThat(matches("sort", camelCase(sort)))
                        .as(sort.name())
                        .isTrue());
        assertThat(matches("sort", "created_at")).isFalse();
        assertThat(matches("sort", "colour")).isFalse();
    }

    @Test
    void pageSizeIsAWholeNumberFromOneToTheMaximum() throws Exception {
        for (int size = 1; size <= TaskListOptions.MAX_PAGE_SIZE; size++) {
            assertThat(matches("size", Integer.toString(size)))
                    .as("size " + size)
                    .isTrue();
        }
        for (String size : new String[] {"0", "101", "-1", "2.5", "1e2", "twenty", "0100"}) {
            assertThat(matches("size", size)).as("size " + size).isFalse();
        }
        assertThat(matches("page", Integer.toString(TaskListOptions.MAX_PAGE))).isTrue();
        assertThat(matches("page", Integer.toString(TaskListOptions.MAX_PAGE + 1)))
                .isFalse();
    }

    @Test
    void valuesOfAnyCaseBecomeTheQuery() {
        Map<String, String> values = new HashMap<>();
        values.put("status", "Completed");
        values.put("priority", "high");
        values.put("category", "WORK");
        values.put("tag", " q4 ");
        values.put("due", "Today");
        values.put("q", "report");
        values.put("sort", "dueAt");
        values.put("direction", "ASC");
        values.put("size", "5");
        values.put("tz", "Asia/Karachi");

        TaskQuery query = TaskListOptions.of(values).toQuery();

        assertThat(query)
                .isEqualTo(new TaskQuery(
                        TaskQuery.Status.COMPLETED,
                        Priority.HIGH,
                        Category.WORK,
                        "q4",
                        TaskQuery.DueWindow.TODAY,
                        null,
                        "report",
                        TaskQuery.Sort.DUE_AT,
                        true,
                        0,
                        5,
                        ZoneId.of("Asia/Karachi")));
    }

    @Test
    void blankOrMissingValuesAreTheDefaults() {
        Map<String, String> values = new HashMap<>();
        for (String option : List.of("status", "category", "tag", "q", "sort", "direction", "page", "size", "tz")) {
            values.put(option, option.length() % 2 == 0 ? "" : "  ");
        }

        TaskQuery query = TaskListOptions.of(values).toQuery();

        assertThat(query)
                .isEqualTo(new TaskQuery(
                        TaskQuery.Status.ALL,
                        null,
                        null,
                        null,
                        null,
                        null,
                        null,
                        TaskQuery.Sort.CREATED_AT,
                        false,
                        0,
                        20,
                        ZoneOffset.UTC));
    }

    private static void assertAcceptsExactly(String field, Enum<?>[] values) throws Exception {
        for (Enum<?> value : values) {
            assertThat(matches(field, value.name())).as(field + " " + value).isTrue();
            assertThat(matches(field, value.name().toLowerCase(Locale.ROOT)))
                    .as(field + " " + value)
                    .isTrue();
        }
        assertThat(matches(field, "")).as(field + " blank").isTrue();
        assertThat(matches(field, "bogus")).as(field + " bogus").isFalse();
        assertThat(matches(field, values[0].name() + "x")).as(field).isFalse();
    }

    /** What Bean Validation does with the field's {@code @Pattern}: the whole value must match. */
    private static boolean matches(String field, String value) throws Exception {
        Pattern pattern = TaskListOptions.class.getDeclaredField(field).getAnnotation(Pattern.class);
        int flags =
                Arrays.stream(pattern.flags()).mapToInt(Pattern.Flag::getValue).reduce(0, (a, b) -> a | b);
        return compile(pattern.regexp(), flags).matcher(value).matches();
    }

    private static String camelCase(TaskQuery.Sort sort) {
        String[] words = sort.name().toLowerCase(Locale.ROOT).split("_");
        StringBuilder name = new StringBuilder(words[0]);
        for (int i = 1; i < words.length; i++) {
            name.append(Character.toUpperCase(words[i].charAt(0))).append(words[i].substring(1));
        }
        return name.toString();
    }
}
