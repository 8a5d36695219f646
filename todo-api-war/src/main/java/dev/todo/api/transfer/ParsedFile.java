package dev.todo.api.transfer;

import dev.todo.api.assistant.ConversationRecord;
import dev.todo.api.task.dto.TaskInput;
import dev.todo.api.transfer.dto.ImportReport.RowNote;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/** What a file holds, row by row, before anything is stored: tasks, conversations, and rows passed over or refused. */
final class ParsedFile {

    /** A task a row describes; {@code key} says which source row it is, for importing it only once. */
    record TaskRow(String row, String key, TaskInput task, Instant createdAt, Instant updatedAt, Instant completedAt) {}

    record ConversationRow(String row, String key, ConversationRecord conversation) {}

    final String format;
    final List<TaskRow> tasks = new ArrayList<>();
    final List<ConversationRow> conversations = new ArrayList<>();
    final List<RowNote> skipped = new ArrayList<>();
    final List<RowNote> refused = new ArrayList<>();

    ParsedFile(String format) {
        this.format = format;
    }

    void refuse(String row, String field, String message) {
        refused.add(new RowNote(row, field == null ? "" : field, message));
    }

    void skip(String row, String message) {
        skipped.add(new RowNote(row, "", message));
    }
}
