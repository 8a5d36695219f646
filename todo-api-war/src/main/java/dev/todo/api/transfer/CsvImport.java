package dev.todo.api.transfer;

import dev.todo.api.problem.FieldError;
import dev.todo.api.task.Category;
import dev.todo.api.task.Priority;
import dev.todo.api.task.Recurrence;
import dev.todo.api.task.dto.TaskInput;
import java.time.DateTimeException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.function.Function;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * Reads a CSV of tasks: this app's ({@code GET /api/export/tasks.csv}: a header naming {@link TaskCsv#COLUMNS}, in
 * any order) or Todoist's export (TYPE, CONTENT, DESCRIPTION, PRIORITY, INDENT, AUTHOR, RESPONSIBLE, DATE, DATE_LANG,
 * TIMEZONE and the newer DURATION and DEADLINE columns), told apart by the header.
 */
final class CsvImport {

    static final String FORMAT = "todo-csv";
    static final String TODOIST_FORMAT = "todoist-csv";

    private static final Pattern LABEL = Pattern.compile("(?<=^|\\s)@([^\\s@]+)");

    private CsvImport() {}

    static ParsedFile parse(String text, ZoneId zone, Instant now, Function<TaskInput, List<FieldError>> check) {
        List<Csv.Row> rows;
        try {
            rows = Csv.parse(text);
        } catch (Csv.Malformed e) {
            ParsedFile file = new ParsedFile(FORMAT);
            file.refuse("row " + e.row, "", e.getMessage());
            return file;
        }
        if (rows.isEmpty() || rows.get(0).blank()) {
            ParsedFile file = new ParsedFile(FORMAT);
            file.refuse("row 1", "", "the first row must name the columns");
            return file;
        }
        Map<String, Integer> header = header(rows.get(0));
        if (header.containsKey("type") && header.containsKey("content")) {
            return todoist(rows, header, zone, now, check);
        }
        if (header.containsKey("title")) {
            return ours(rows, header, check);
        }
        ParsedFile file = new ParsedFile(FORMAT);
        file.refuse(
                "row 1",
                "",
                "the header is neither this app's (" + String.join(",", TaskCsv.COLUMNS)
                        + ") nor Todoist's (TYPE,CONTENT,DESCRIPTION,PRIORITY,...,DATE,DATE_LANG,TIMEZONE)");
        return file;
    }

    private static ParsedFile ours(
            List<Csv.Row> rows, Map<String, Integer> header, Function<TaskInput, List<FieldError>> check) {
        ParsedFile file = new ParsedFile(FORMAT);
        for (Csv.Row row : rows.subList(1, rows.size())) {
            if (row.blank()) {
                continue;
            }
            String where = "row " + row.number();
            List<FieldError> errors = new ArrayList<>();
            Cells cells = new Cells(row, header, true);
            UUID id = null;
            if (!cells.get("id").isBlank()) {
                try {
                    id = UUID.fromString(cells.get("id").strip());
                } catch (IllegalArgumentException e) {
                    errors.add(new FieldError("id", "must be a UUID or empty"));
                }
            }
            String title = cells.get("title").strip();
            TaskInput task = new TaskInput(
                    title,
                    cells.get("description"),
                    choice(cells.get("priority"), Priority.class, "priority", errors),
                    choice(cells.get("category"), Category.class, "category", errors),
                    TaskCsv.tags(cells.get("tags")),
                    instant(cells.get("dueAt"), "dueAt", errors),
                    instant(cells.get("remindAt"), "remindAt", errors),
                    choice(cells.get("recurrence"), Recurrence.class, "recurrence", errors),
                    null,
                    TaskInput.FIELDS);
            Instant completedAt = instant(cells.get("completedAt"), "completedAt", errors);
            Instant createdAt = instant(cells.get("createdAt"), "createdAt", errors);
            Instant updatedAt = instant(cells.get("updatedAt"), "updatedAt", errors);
            String completedText = cells.get("completed").strip().toLowerCase(Locale.ROOT);
            boolean completed = completedText.equals("true");
            if (!completedText.isEmpty() && !completed && !completedText.equals("false")) {
                errors.add(new FieldError("completed", "must be true, false or empty"));
            }
            errors.addAll(textErrors(task));
            Set<String> faulty = errors.stream().map(FieldError::field).collect(Collectors.toSet());
            check.apply(task).stream()
                    .filter(error -> !faulty.contains(error.field()))
                    .forEach(errors::add);
            if (!errors.isEmpty()) {
                errors.forEach(error -> file.refuse(where, error.field(), error.message()));
                continue;
            }
            String key = id != null ? RowKeys.task(id) : RowKeys.digest("row", row.cells());
            Instant done = completed ? (completedAt != null ? completedAt : updatedAt) : null;
            file.tasks.add(new ParsedFile.TaskRow(where, key, task, createdAt, updatedAt, done));
        }
        return file;
    }

    private static ParsedFile todoist(
            List<Csv.Row> rows,
            Map<String, Integer> header,
            ZoneId zone,
            Instant now,
            Function<TaskInput, List<FieldError>> check) {
        ParsedFile file = new ParsedFile(TODOIST_FORMAT);
        List<TodoistTask> tasks = new ArrayList<>();
        // The task the rows just read belong to: a note (a comment in Todoist) adds to its description.
        TodoistTask last = null;
        boolean lastRefused = false;
        for (Csv.Row row : rows.subList(1, rows.size())) {
            if (row.blank()) {
                continue;
            }
            String where = "row " + row.number();
            Cells cells = new Cells(row, header, false);
            String type = cells.get("type").strip();
            switch (type) {
                case "task" -> {
                    last = todoistTask(file, where, cells, zone, now);
                    lastRefused = last == null;
                    if (last != null) {
                        tasks.add(last);
                    }
                }
                case "note" -> {
                    if (last != null) {
                        last.notes.add(cells.get("content").strip());
                    } else if (!lastRefused) {
                        file.refuse(where, "TYPE", "a note must follow the task it belongs to");
                    }
                }
                case "section" -> {
                    last = null;
                    lastRefused = false;
                    file.skip(where, "a section: sections are not imported, the tasks in them are");
                }
                case "meta" -> file.skip(where, "Todoist's view settings, not a task");
                default -> file.refuse(where, "TYPE", "must be task, section or note");
            }
        }
        for (TodoistTask task : tasks) {
            String description = task.description;
            for (String note : task.notes) {
                description = description.isEmpty() ? note : description + "\n\n" + note;
            }
            TaskInput input = new TaskInput(
                    task.title,
                    description,
                    task.priority,
                    Category.OTHER,
                    task.tags,
                    task.dueAt,
                    null,
                    task.recurrence,
                    null,
                    TaskInput.FIELDS);
            List<FieldError> errors = new ArrayList<>(textErrors(input));
            Set<String> faulty = errors.stream().map(FieldError::field).collect(Collectors.toSet());
            check.apply(input).stream()
                    .filter(error -> !faulty.contains(error.field()))
                    .forEach(errors::add);
            if (!errors.isEmpty()) {
                errors.forEach(error -> file.refuse("row " + task.row, todoistColumn(error.field()), error.message()));
                continue;
            }
            List<String> parts = new ArrayList<>(task.raw);
            parts.addAll(task.notes);
            file.tasks.add(
                    new ParsedFile.TaskRow("row " + task.row, RowKeys.digest("row", parts), input, null, null, null));
        }
        return file;
    }

    private static TodoistTask todoistTask(ParsedFile file, String where, Cells cells, ZoneId fileZone, Instant now) {
        int refusedBefore = file.refused.size();
        String content = cells.get("content");
        Set<String> tags = new LinkedHashSet<>();
        Matcher labels = LABEL.matcher(content);
        while (labels.find()) {
            tags.add(labels.group(1));
        }
        String title =
                LABEL.matcher(content).replaceAll("").replaceAll("\\s+", " ").strip();
        Priority priority = switch (cells.get("priority").strip()) {
            case "1" -> Priority.HIGH;
            case "3" -> Priority.LOW;
            case "", "2", "4" -> Priority.MEDIUM;
            default -> {
                file.refuse(where, "PRIORITY", "must be 1 (highest), 2, 3 or 4, or empty");
                yield null;
            }
        };
        ZoneId zone = fileZone;
        String zoneName = cells.get("timezone").strip();
        if (!zoneName.isEmpty()) {
            try {
                zone = ZoneId.of(zoneName);
            } catch (DateTimeException e) {
                file.refuse(where, "TIMEZONE", "must be an IANA time zone such as Europe/Berlin, or empty");
            }
        }
        Instant dueAt = null;
        Recurrence recurrence = Recurrence.NONE;
        String date = cells.get("date").strip();
        String language = cells.get("date_lang").strip().toLowerCase(Locale.ROOT);
        if (!date.isEmpty()) {
            var due = TodoistDates.parse(date, zone, now);
            if (due.isEmpty()) {
                file.refuse(
                        where,
                        "DATE",
                        "'" + date + "' is not a date this import understands"
                                + (language.isEmpty() || language.equals("en")
                                        ? ""
                                        : " (only English dates are, and DATE_LANG is " + language + ")")
                                + "; " + TodoistDates.UNDERSTOOD);
            } else {
                dueAt = due.get().dueAt();
                recurrence = due.get().recurrence();
            }
        }
        if (file.refused.size() > refusedBefore) {
            return null;
        }
        List<String> raw =
                List.of(content, cells.get("description"), cells.get("priority"), date, cells.get("timezone"));
        return new TodoistTask(
                Integer.parseInt(where.substring(4)),
                title,
                cells.get("description"),
                priority,
                tags,
                dueAt,
                recurrence,
                raw);
    }

    /** The Todoist column a task field came from, for the report. */
    private static String todoistColumn(String field) {
        return switch (field) {
            case "title", "tags" -> "CONTENT";
            case "description" -> "DESCRIPTION";
            case "dueAt" -> "DATE";
            default -> field;
        };
    }

    /** PostgreSQL cannot store U+0000; the other fields' limits are the tasks API's, checked by Bean Validation. */
    private static List<FieldError> textErrors(TaskInput task) {
        List<FieldError> errors = new ArrayList<>();
        if (task.title() != null && task.title().indexOf('\u0000') >= 0) {
            errors.add(new FieldError("title", "must not contain the NUL character (U+0000)"));
        }
        if (task.description() != null && task.description().indexOf('\u0000') >= 0) {
            errors.add(new FieldError("description", "must not contain the NUL character (U+0000)"));
        }
        if (task.tags() != null && task.tags().stream().anyMatch(tag -> tag.indexOf('\u0000') >= 0)) {
            errors.add(new FieldError("tags", "must not contain the NUL character (U+0000)"));
        }
        return errors;
    }

    private static <E extends Enum<E>> E choice(String text, Class<E> type, String field, List<FieldError> errors) {
        String value = text.strip();
        if (value.isEmpty()) {
            return null;
        }
        for (E constant : type.getEnumConstants()) {
            if (constant.name().equalsIgnoreCase(value)) {
                return constant;
            }
        }
        errors.add(new FieldError(
                field,
                "must be one of "
                        + Arrays.stream(type.getEnumConstants()).map(Enum::name).collect(Collectors.joining(", "))
                        + ", or empty"));
        return null;
    }

    private static Instant instant(String text, String field, List<FieldError> errors) {
        String value = text.strip();
        if (value.isEmpty()) {
            return null;
        }
        try {
            return OffsetDateTime.parse(value).toInstant();
        } catch (DateTimeParseException e) {
            errors.add(new FieldError(field, "must be an ISO-8601 date-time with offset, e.g. 2026-12-01T09:00:00Z"));
            return null;
        }
    }

    private static Map<String, Integer> header(Csv.Row row) {
        Map<String, Integer> columns = new HashMap<>();
        for (int i = 0; i < row.cells().size(); i++) {
            columns.putIfAbsent(row.cells().get(i).strip().toLowerCase(Locale.ROOT), i);
        }
        return columns;
    }

    /**
     * A row's cells by column name (lower case); a column the file lacks reads as empty. In this app's own CSV the
     * apostrophe that guarded a formula-like cell is taken off.
     */
    private record Cells(Csv.Row row, Map<String, Integer> header, boolean guarded) {
        String get(String column) {
            Integer index = header.get(column.toLowerCase(Locale.ROOT));
            if (index == null) {
                return "";
            }
            return guarded ? Csv.unguard(row.cell(index)) : row.cell(index);
        }
    }

    private static final class TodoistTask {
        final int row;
        final String title;
        final String description;
        final Priority priority;
        final Set<String> tags;
        final Instant dueAt;
        final Recurrence recurrence;
        final List<String> raw;
        final List<String> notes = new ArrayList<>();

        TodoistTask(
                int row,
                String title,
                String description,
                Priority priority,
                Set<String> tags,
                Instant dueAt,
                Recurrence recurrence,
                List<String> raw) {
            this.row = row;
            this.title = title;
            this.description = description;
            this.priority = priority;
            this.tags = tags;
            this.dueAt = dueAt;
            this.recurrence = recurrence;
            this.raw = raw;
        }
    }
}
