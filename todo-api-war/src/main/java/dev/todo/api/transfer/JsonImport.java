package dev.todo.api.transfer;

import static dev.todo.api.json.SharedJsonProvider.JSON;

import dev.todo.api.assistant.ConversationRecord;
import dev.todo.api.assistant.MessageRole;
import dev.todo.api.assistant.StoredMessage;
import dev.todo.api.json.JsonInput;
import dev.todo.api.problem.FieldError;
import dev.todo.api.task.dto.TaskInput;
import jakarta.json.JsonArray;
import jakarta.json.JsonObject;
import jakarta.json.JsonReader;
import jakarta.json.JsonString;
import jakarta.json.JsonValue;
import jakarta.json.stream.JsonParsingException;
import java.io.StringReader;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.UUID;
import java.util.function.Function;

/** Reads the JSON that {@code GET /api/export} writes: tasks with tags and recurrence, and conversations. */
final class JsonImport {

    static final String FORMAT = "todo-json";
    static final String FORMAT_NAME = "todo-on-liberty-export";

    private static final Set<String> TOP_FIELDS =
            Set.of("format", "version", "exportedAt", "account", "tasks", "conversations");
    private static final Set<String> TASK_FIELDS =
            with(TaskInput.FIELDS, "id", "completed", "completedAt", "createdAt", "updatedAt");
    private static final Set<String> CONVERSATION_FIELDS = Set.of("id", "title", "createdAt", "updatedAt", "messages");
    private static final Set<String> MESSAGE_FIELDS =
            Set.of("role", "content", "toolCalls", "toolCallId", "toolName", "summary", "createdAt");
    static final int TITLE_LENGTH = 120;

    private JsonImport() {}

    static ParsedFile parse(String text, Function<TaskInput, List<FieldError>> check, Instant now) {
        ParsedFile file = new ParsedFile(FORMAT);
        JsonValue value;
        try (JsonReader reader = JSON.createReader(new StringReader(text))) {
            value = reader.readValue();
        } catch (JsonParsingException e) {
            var at = e.getLocation();
            file.refuse(
                    at == null ? "file" : "line " + at.getLineNumber() + ", column " + at.getColumnNumber(),
                    "",
                    "this is not valid JSON there");
            return file;
        } catch (RuntimeException e) {
            file.refuse("file", "", "this is not valid JSON (or it is nested too deeply)");
            return file;
        }
        if (!(value instanceof JsonObject top)) {
            file.refuse("file", "", "the file must be a JSON object as GET /api/export writes it");
            return file;
        }
        top.keySet().stream()
                .filter(name -> !TOP_FIELDS.contains(name))
                .sorted()
                .forEach(name -> file.refuse("file", name, "unknown field"));
        if (top.containsKey("format") && !JSON.createValue(FORMAT_NAME).equals(top.get("format"))) {
            file.refuse("file", "format", "must be " + FORMAT_NAME);
        }
        JsonArray tasks = array(top, "tasks", file);
        for (int i = 0; tasks != null && i < tasks.size(); i++) {
            task(file, "tasks[" + i + "]", tasks.get(i), check);
        }
        JsonArray conversations = array(top, "conversations", file);
        for (int i = 0; conversations != null && i < conversations.size(); i++) {
            conversation(file, "conversations[" + i + "]", conversations.get(i), now);
        }
        return file;
    }

    private static void task(
            ParsedFile file, String row, JsonValue value, Function<TaskInput, List<FieldError>> check) {
        if (!(value instanceof JsonObject object)) {
            file.refuse(row, "", "must be a JSON object");
            return;
        }
        JsonInput input = JsonInput.of(object.toString(), TASK_FIELDS);
        TaskInput task = TaskInput.read(input);
        List<FieldError> errors = new ArrayList<>();
        UUID id = uuid(input, "id", errors);
        Instant createdAt = input.instant("createdAt");
        Instant updatedAt = input.instant("updatedAt");
        Instant completedAt = input.instant("completedAt");
        boolean completed = bool(object, "completed", errors);
        errors.addAll(input.errors());
        Set<String> faulty = new HashSet<>();
        errors.forEach(error -> faulty.add(error.field()));
        check.apply(task).stream()
                .filter(error -> !faulty.contains(error.field()))
                .forEach(errors::add);
        if (!errors.isEmpty()) {
            errors.forEach(error -> file.refuse(row, error.field(), error.message()));
            return;
        }
        String key = id != null ? RowKeys.task(id) : RowKeys.digest("row", List.of(object.toString()));
        Instant done = completed ? (completedAt != null ? completedAt : updatedAt) : null;
        file.tasks.add(new ParsedFile.TaskRow(row, key, task, createdAt, updatedAt, done));
    }

    private static void conversation(ParsedFile file, String row, JsonValue value, Instant now) {
        if (!(value instanceof JsonObject object)) {
            file.refuse(row, "", "must be a JSON object");
            return;
        }
        JsonInput input = JsonInput.of(object.toString(), CONVERSATION_FIELDS);
        List<FieldError> errors = new ArrayList<>();
        UUID id = uuid(input, "id", errors);
        String title = input.string("title");
        Instant createdAt = input.instant("createdAt");
        Instant updatedAt = input.instant("updatedAt");
        int refusedBefore = file.refused.size();
        errors.addAll(input.errors());
        errors.forEach(error -> file.refuse(row, error.field(), error.message()));
        if (title == null || title.isBlank()) {
            file.refuse(row, "title", "must not be blank");
        } else if (title.strip().length() > TITLE_LENGTH) {
            file.refuse(row, "title", "must be at most " + TITLE_LENGTH + " characters");
        }
        JsonArray messages = array(object, "messages", file, row);
        Instant created = createdAt == null ? now : createdAt;
        List<StoredMessage> stored = new ArrayList<>();
        for (int i = 0; messages != null && i < messages.size(); i++) {
            StoredMessage message = message(file, row + ".messages[" + i + "]", messages.get(i));
            if (message != null) {
                stored.add(message);
            }
        }
        if (file.refused.size() > refusedBefore) {
            return;
        }
        String key = id != null ? RowKeys.conversation(id) : RowKeys.digest("conversation", List.of(object.toString()));
        file.conversations.add(new ParsedFile.ConversationRow(
                row,
                key,
                new ConversationRecord(id, title.strip(), created, updatedAt == null ? created : updatedAt, stored)));
    }

    private static StoredMessage message(ParsedFile file, String row, JsonValue value) {
        if (!(value instanceof JsonObject object)) {
            file.refuse(row, "", "must be a JSON object");
            return null;
        }
        JsonInput input = JsonInput.of(object.toString(), MESSAGE_FIELDS);
        String roleName = input.string("role");
        String content = input.string("content");
        String toolCallId = input.string("toolCallId");
        String toolName = input.string("toolName");
        String summary = input.string("summary");
        Instant createdAt = input.instant("createdAt");
        List<FieldError> errors = new ArrayList<>(input.errors());
        MessageRole role = null;
        if (roleName == null) {
            errors.add(new FieldError("role", "is required: user, assistant or tool"));
        } else {
            try {
                role = MessageRole.valueOf(roleName.toUpperCase(Locale.ROOT));
            } catch (IllegalArgumentException e) {
                errors.add(new FieldError("role", "must be user, assistant or tool"));
            }
        }
        String toolCalls = null;
        JsonValue calls = object.get("toolCalls");
        if (calls instanceof JsonArray array) {
            toolCalls = array.toString();
        } else if (calls instanceof JsonString text) {
            toolCalls = text.getString();
        } else if (calls != null && calls.getValueType() != JsonValue.ValueType.NULL) {
            errors.add(new FieldError("toolCalls", "must be an array, a string or null"));
        }
        limit(errors, "toolCallId", toolCallId, 200);
        limit(errors, "toolName", toolName, 64);
        limit(errors, "summary", summary, 500);
        if (!errors.isEmpty()) {
            errors.forEach(error -> file.refuse(row, error.field(), error.message()));
            return null;
        }
        return new StoredMessage(
                role, content == null ? "" : content, toolCalls, toolCallId, toolName, summary, createdAt);
    }

    private static void limit(List<FieldError> errors, String field, String value, int max) {
        if (value != null && value.length() > max) {
            errors.add(new FieldError(field, "must be at most " + max + " characters"));
        }
    }

    private static JsonArray array(JsonObject object, String field, ParsedFile file) {
        return array(object, field, file, "file");
    }

    private static JsonArray array(JsonObject object, String field, ParsedFile file, String row) {
        JsonValue value = object.get(field);
        if (value == null || value.getValueType() == JsonValue.ValueType.NULL) {
            return null;
        }
        if (value instanceof JsonArray array) {
            return array;
        }
        file.refuse(row, field, "must be an array");
        return null;
    }

    private static boolean bool(JsonObject object, String field, List<FieldError> errors) {
        JsonValue value = object.get(field);
        if (value == null || value.getValueType() == JsonValue.ValueType.NULL) {
            return false;
        }
        if (value.getValueType() == JsonValue.ValueType.TRUE) {
            return true;
        }
        if (value.getValueType() != JsonValue.ValueType.FALSE) {
            errors.add(new FieldError(field, "must be true or false"));
        }
        return false;
    }

    private static UUID uuid(JsonInput input, String field, List<FieldError> errors) {
        String text = input.string(field);
        if (text == null) {
            return null;
        }
        try {
            return UUID.fromString(text);
        } catch (IllegalArgumentException e) {
            errors.add(new FieldError(field, "must be a UUID such as 3f2b8c1e-0d4a-4e8b-9f1a-2c3d4e5f6a7b"));
            return null;
        }
    }

    private static Set<String> with(Set<String> fields, String... more) {
        Set<String> all = new HashSet<>(fields);
        all.addAll(List.of(more));
        return Set.copyOf(all);
    }
}
