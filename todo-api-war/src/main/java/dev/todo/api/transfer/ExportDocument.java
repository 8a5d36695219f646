package dev.todo.api.transfer;

import static dev.todo.api.json.SharedJsonProvider.JSON;

import dev.todo.api.account.dto.UserView;
import dev.todo.api.assistant.ConversationRecord;
import dev.todo.api.assistant.StoredMessage;
import dev.todo.api.task.dto.TaskView;
import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;
import jakarta.json.JsonReader;
import jakarta.json.JsonValue;
import java.io.StringReader;
import java.time.Instant;
import java.util.List;
import java.util.Locale;

/**
 * The JSON export: the account, every task with its tags, recurrence and times, and every conversation with its
 * messages as they are replayed to the model. {@link JsonImport} reads exactly this; members are always present
 * (null when empty) and in a fixed order, so two exports of the same content are the same text but for ids, the
 * account and {@code exportedAt}.
 */
final class ExportDocument {

    static final int VERSION = 1;

    private ExportDocument() {}

    static JsonObject of(
            UserView account, List<TaskView> tasks, List<ConversationRecord> conversations, Instant exportedAt) {
        JsonArrayBuilder taskArray = JSON.createArrayBuilder();
        tasks.forEach(task -> taskArray.add(task(task)));
        JsonArrayBuilder conversationArray = JSON.createArrayBuilder();
        conversations.forEach(conversation -> conversationArray.add(conversation(conversation)));
        return JSON.createObjectBuilder()
                .add("format", JsonImport.FORMAT_NAME)
                .add("version", VERSION)
                .add("exportedAt", exportedAt.toString())
                .add(
                        "account",
                        JSON.createObjectBuilder()
                                .add("name", account.name())
                                .add("email", account.email())
                                .add("createdAt", account.createdAt().toString()))
                .add("tasks", taskArray)
                .add("conversations", conversationArray)
                .build();
    }

    private static JsonObjectBuilder task(TaskView task) {
        JsonArrayBuilder tags = JSON.createArrayBuilder();
        task.tags().forEach(tags::add);
        return JSON.createObjectBuilder()
                .add("id", task.id().toString())
                .add("title", task.title())
                .add("description", task.description())
                .add("priority", task.priority().name())
                .add("category", task.category().name())
                .add("tags", tags)
                .add("dueAt", instant(task.dueAt()))
                .add("remindAt", instant(task.remindAt()))
                .add("recurrence", task.recurrence().name())
                .add("completed", task.completed())
                .add("completedAt", instant(task.completedAt()))
                .add("createdAt", instant(task.createdAt()))
                .add("updatedAt", instant(task.updatedAt()));
    }

    private static JsonObjectBuilder conversation(ConversationRecord conversation) {
        JsonArrayBuilder messages = JSON.createArrayBuilder();
        conversation.messages().forEach(message -> messages.add(message(message)));
        return JSON.createObjectBuilder()
                .add("id", conversation.id().toString())
                .add("title", conversation.title())
                .add("createdAt", instant(conversation.createdAt()))
                .add("updatedAt", instant(conversation.updatedAt()))
                .add("messages", messages);
    }

    private static JsonObjectBuilder message(StoredMessage message) {
        return JSON.createObjectBuilder()
                .add("role", message.role().name().toLowerCase(Locale.ROOT))
                .add("content", message.content())
                .add("toolCalls", message.toolCalls() == null ? JsonValue.NULL : parsed(message.toolCalls()))
                .add("toolCallId", text(message.toolCallId()))
                .add("toolName", text(message.toolName()))
                .add("summary", text(message.summary()))
                .add("createdAt", instant(message.createdAt()));
    }

    /** Tool calls are stored as the JSON text the model sent; one that is not JSON is kept as text. */
    private static JsonValue parsed(String json) {
        try (JsonReader reader = JSON.createReader(new StringReader(json))) {
            return reader.readValue();
        } catch (RuntimeException e) {
            return JSON.createValue(json);
        }
    }

    private static JsonValue instant(Instant instant) {
        return instant == null ? JsonValue.NULL : JSON.createValue(instant.toString());
    }

    private static JsonValue text(String value) {
        return value == null ? JsonValue.NULL : JSON.createValue(value);
    }
}
