package dev.todo.api.transfer;

import static dev.todo.api.json.JsonbSettings.JSONB;
import static dev.todo.api.json.SharedJsonProvider.JSON;

import dev.todo.api.account.AccountService;
import dev.todo.api.assistant.ConversationService;
import dev.todo.api.database.Transactions;
import dev.todo.api.problem.FieldError;
import dev.todo.api.problem.Problem;
import dev.todo.api.problem.ProblemException;
import dev.todo.api.task.TaskService;
import dev.todo.api.task.dto.TaskInput;
import dev.todo.api.task.dto.TaskView;
import dev.todo.api.transfer.dto.ImportReport;
import dev.todo.api.transfer.dto.ImportReport.RowNote;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonObject;
import jakarta.validation.ConstraintViolation;
import jakarta.validation.Path;
import jakarta.validation.Validator;
import java.io.StringReader;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneId;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * Export and import of an account's tasks and conversations. An import is all or nothing: every row is read and
 * checked first, and only a file without a refused row is stored, in one transaction. It is idempotent: a row
 * imported before (its key in {@code imported_item}), or a task or conversation of the account's own export, is
 * counted as existing and left as it is.
 */
@ApplicationScoped
public class TransferService {

    /** The most an import file may be, in bytes. */
    public static final int MAX_IMPORT_BYTES = 4 * 1024 * 1024;

    static final int MAX_TASKS = 5000;
    private static final Pattern DIGITS = Pattern.compile("\\d+");
    static final int MAX_CONVERSATIONS = 500;

    public enum Format {
        JSON,
        CSV
    }

    @Inject
    AccountService accounts;

    @Inject
    TaskService tasks;

    @Inject
    ConversationService conversations;

    @Inject
    ImportedItemRepository imported;

    @Inject
    Transactions transactions;

    @Inject
    Validator validator;

    Clock clock = Clock.systemUTC();

    public JsonObject exportJson(UUID owner) {
        return ExportDocument.of(accounts.profile(owner), tasks.all(owner), conversations.all(owner), clock.instant());
    }

    public String exportCsv(UUID owner) {
        return TaskCsv.write(tasks.all(owner));
    }

    /**
     * Reads the file and, unless {@code dryRun}, imports it; {@code zone} is where Todoist's dates without a zone
     * are. Any row refused (or a file that cannot be read at all) is a 422 problem with the report, and nothing is
     * stored.
     */
    public ImportReport importFile(UUID owner, byte[] bytes, Format format, boolean dryRun, ZoneId zone) {
        Instant now = clock.instant().truncatedTo(ChronoUnit.MICROS);
        ParsedFile file = parse(bytes, format, zone, now);
        if (file.tasks.size() > MAX_TASKS) {
            file.refuse("file", "", "has " + file.tasks.size() + " tasks; an import may have at most " + MAX_TASKS);
        }
        if (file.conversations.size() > MAX_CONVERSATIONS) {
            file.refuse(
                    "file",
                    "",
                    "has " + file.conversations.size() + " conversations; an import may have at most "
                            + MAX_CONVERSATIONS);
        }
        if (!file.refused.isEmpty()) {
            throw refused(report(file, dryRun, false, 0, 0, 0, 0));
        }
        return transactions.inTransaction(() -> store(owner, file, dryRun, now));
    }

    private ParsedFile parse(byte[] bytes, Format format, ZoneId zone, Instant now) {
        ImportText.Result text = ImportText.decode(bytes);
        if (text.text() == null) {
            ParsedFile file = new ParsedFile(format == Format.JSON ? JsonImport.FORMAT : CsvImport.FORMAT);
            file.refuse(text.where(), "", text.problem());
            return file;
        }
        return format == Format.JSON
                ? JsonImport.parse(text.text(), this::violations, now)
                : CsvImport.parse(text.text(), zone, now, this::violations);
    }

    private ImportReport store(UUID owner, ParsedFile file, boolean dryRun, Instant now) {
        Set<String> seen = new HashSet<>();
        List<ParsedFile.TaskRow> newTasks = new ArrayList<>();
        List<ParsedFile.ConversationRow> newConversations = new ArrayList<>();
        Map<String, String> firstRow = new HashMap<>();
        List<String> keys = new ArrayList<>();
        file.tasks.forEach(row -> keys.add(row.key()));
        file.conversations.forEach(row -> keys.add(row.key()));
        Set<String> existing = new HashSet<>(imported.findImported(owner, keys));
        tasks.existing(
                        owner,
                        ids(file.tasks.stream().map(ParsedFile.TaskRow::key).toList(), "task:"))
                .forEach(id -> existing.add(RowKeys.task(id)));
        conversations
                .existing(
                        owner,
                        ids(
                                file.conversations.stream()
                                        .map(ParsedFile.ConversationRow::key)
                                        .toList(),
                                "conversation:"))
                .forEach(id -> existing.add(RowKeys.conversation(id)));
        int existingTasks = 0;
        int existingConversations = 0;
        for (ParsedFile.TaskRow row : file.tasks) {
            if (!seen.add(row.key())) {
                file.skip(row.row(), "the same task as " + firstRow.get(row.key()) + "; imported once");
            } else if (existing.contains(row.key())) {
                existingTasks++;
            } else {
                newTasks.add(row);
            }
            firstRow.putIfAbsent(row.key(), row.row());
        }
        for (ParsedFile.ConversationRow row : file.conversations) {
            if (!seen.add(row.key())) {
                file.skip(row.row(), "the same conversation as " + firstRow.get(row.key()) + "; imported once");
            } else if (existing.contains(row.key())) {
                existingConversations++;
            } else {
                newConversations.add(row);
            }
            firstRow.putIfAbsent(row.key(), row.row());
        }
        if (!dryRun) {
            for (ParsedFile.TaskRow row : newTasks) {
                TaskView task = tasks.restore(owner, row.task(), row.createdAt(), row.updatedAt(), row.completedAt());
                imported.add(ImportedItem.task(owner, row.key(), task.id(), now));
            }
            for (ParsedFile.ConversationRow row : newConversations) {
                UUID id = conversations.restore(owner, row.conversation());
                imported.add(ImportedItem.conversation(owner, row.key(), id, now));
            }
            imported.flush();
        }
        return report(
                file, dryRun, !dryRun, newTasks.size(), existingTasks, newConversations.size(), existingConversations);
    }

    private static Set<UUID> ids(List<String> keys, String prefix) {
        return keys.stream()
                .filter(key -> key.startsWith(prefix))
                .map(key -> UUID.fromString(key.substring(prefix.length())))
                .collect(Collectors.toSet());
    }

    private static ImportReport report(
            ParsedFile file,
            boolean dryRun,
            boolean imported,
            int tasks,
            int existingTasks,
            int conversations,
            int existingConversations) {
        return new ImportReport(
                dryRun,
                imported,
                file.format,
                new ImportReport.Counts(tasks, existingTasks),
                new ImportReport.Counts(conversations, existingConversations),
                file.skipped.stream().sorted(IN_FILE_ORDER).toList(),
                file.refused.stream().sorted(IN_FILE_ORDER).toList());
    }

    /** Rows in the order the file has them: "row 3" before "row 12", "tasks[2]" before "conversations[0]". */
    static final Comparator<RowNote> IN_FILE_ORDER =
            Comparator.comparing((RowNote note) -> kind(note.row())).thenComparingInt(note -> number(note.row()));

    private static int kind(String row) {
        return row.startsWith("file") ? 0 : row.startsWith("conversations") ? 2 : 1;
    }

    private static int number(String row) {
        Matcher digits = DIGITS.matcher(row);
        return digits.find() ? Integer.parseInt(digits.group()) : 0;
    }

    private static ProblemException refused(ImportReport report) {
        int rows = (int) report.refused().stream().map(RowNote::row).distinct().count();
        RowNote first = report.refused().get(0);
        String detail = "Nothing was imported: " + (rows == 1 ? "one row" : rows + " rows")
                + " cannot be imported. The first: " + first.row()
                + (first.field().isEmpty() ? "" : ", " + first.field()) + ": " + first.message() + ".";
        JsonArrayBuilder errors = JSON.createArrayBuilder();
        report.refused()
                .forEach(note -> errors.add(JSON.createObjectBuilder()
                        .add("field", note.row() + (note.field().isEmpty() ? "" : " " + note.field()))
                        .add("message", note.message())));
        return new ProblemException(Problem.of(422, "Import refused", detail)
                .with("errors", errors.build())
                .with("report", json(report)));
    }

    private static JsonObject json(ImportReport report) {
        try (var reader = JSON.createReader(new StringReader(JSONB.toJson(report)))) {
            return reader.readObject();
        }
    }

    /** The tasks API's own rules (Bean Validation on {@link TaskInput}), field by field. */
    private List<FieldError> violations(TaskInput task) {
        return validator.validate(task).stream()
                .map(violation -> new FieldError(field(violation), violation.getMessage()))
                .sorted(Comparator.comparing(FieldError::field))
                .toList();
    }

    private static String field(ConstraintViolation<?> violation) {
        for (Path.Node node : violation.getPropertyPath()) {
            if (node.getName() != null) {
                return node.getName();
            }
        }
        return "";
    }
}
