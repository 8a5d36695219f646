package dev.todo.api.task;

import static dev.todo.api.json.JsonbSettings.JSONB;
import static dev.todo.api.json.SharedJsonProvider.JSON;

import dev.todo.api.database.Transactions;
import dev.todo.api.problem.ProblemException;
import dev.todo.api.task.dto.CompletionResult;
import dev.todo.api.task.dto.TaskInput;
import dev.todo.api.task.dto.TaskPage;
import dev.todo.api.task.dto.TaskStats;
import dev.todo.api.task.dto.TaskView;
import dev.todo.api.telemetry.AppMetrics;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.json.JsonValue;
import java.io.StringReader;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneId;
import java.time.temporal.ChronoUnit;
import java.util.Collection;
import java.util.List;
import java.util.Set;
import java.util.UUID;

/**
 * What a user can do with their tasks. Every method takes the owner (from the verified token) and only ever
 * touches that owner's tasks; another user's task looks exactly like a missing one.
 */
@ApplicationScoped
public class TaskService {

    @Inject
    TaskRepository tasks;

    @Inject
    Transactions transactions;

    @Inject
    AppMetrics metrics;

    Clock clock = Clock.systemUTC();

    public TaskView create(UUID owner, TaskInput input) {
        Task task = new Task(owner, input.title(), now());
        apply(task, input, false);
        tasks.insert(task);
        metrics.taskCreated();
        return TaskView.of(task);
    }

    public TaskView get(UUID owner, UUID id) {
        return transactions.inTransaction(() -> TaskView.of(owned(owner, id)));
    }

    public TaskPage list(UUID owner, TaskQuery query) {
        TaskRepository.Page page = tasks.page(owner, query, now());
        int totalPages = (int) ((page.total() + query.size() - 1) / query.size());
        return new TaskPage(page.items(), query.page(), query.size(), page.total(), totalPages);
    }

    /** Every task of the owner, oldest first: what an export holds. */
    public List<TaskView> all(UUID owner) {
        return transactions.inTransaction(
                () -> tasks.findAll(owner).stream().map(TaskView::of).toList());
    }

    /** Open tasks with a due or reminder time, soonest first, at most {@code limit}: what a calendar feed shows. */
    public List<TaskView> scheduled(UUID owner, int limit) {
        return transactions.inTransaction(() ->
                tasks.findScheduled(owner, limit).stream().map(TaskView::of).toList());
    }

    /** Which of the given ids are the owner's tasks. */
    public Set<UUID> existing(UUID owner, Collection<UUID> ids) {
        return transactions.inTransaction(() -> Set.copyOf(tasks.findOwnedIds(owner, ids)));
    }

    /**
     * Adds a task brought from elsewhere (an import) with the times it had there: created, last changed, completed
     * ({@code completedAt} non-null for a completed one). The input is checked by the caller as for a create.
     */
    public TaskView restore(UUID owner, TaskInput input, Instant createdAt, Instant updatedAt, Instant completedAt) {
        return transactions.inTransaction(() -> {
            Instant now = now();
            Task task = Task.restored(
                    owner,
                    input.title(),
                    createdAt == null ? now : createdAt,
                    updatedAt == null ? now : updatedAt,
                    completedAt);
            apply(task, input, false);
            tasks.add(task);
            tasks.flush();
            return TaskView.of(task);
        });
    }

    /** Replaces every field (PUT); the version must be the current one. */
    public TaskView replace(UUID owner, UUID id, TaskInput input) {
        return transactions.inTransaction(() -> {
            Task task = ownedForUpdate(owner, id);
            if (input.version() == null) {
                throw ProblemException.invalid("version", "is required to replace a task");
            }
            checkVersion(task, input.version());
            apply(task, input, false);
            return saved(task);
        });
    }

    /** Changes only the fields given (PATCH); a version, when given, must be the current one. */
    public TaskView update(UUID owner, UUID id, TaskInput input) {
        return transactions.inTransaction(() -> {
            Task task = ownedForUpdate(owner, id);
            if (input.version() != null) {
                checkVersion(task, input.version());
            }
            apply(task, input, true);
            return saved(task);
        });
    }

    /** Deletes the task and returns it as it was. */
    public TaskView delete(UUID owner, UUID id) {
        return transactions.inTransaction(() -> {
            Task task = ownedForUpdate(owner, id);
            tasks.remove(task);
            return TaskView.of(task);
        });
    }

    /**
     * Marks the task done. A repeating task gets its next occurrence, once: the row lock makes a second completion
     * (a double click, a retry) wait and then find the task already completed with its occurrence recorded.
     */
    public CompletionResult complete(UUID owner, UUID id) {
        return transactions.inTransaction(() -> completed(owner, ownedForUpdate(owner, id)));
    }

    /** Opens a completed task again; an occurrence it already scheduled stays, so completing again adds none. */
    public TaskView reopen(UUID owner, UUID id) {
        return transactions.inTransaction(() -> reopened(ownedForUpdate(owner, id)));
    }

    /** Completes an open task or reopens a completed one, deciding on the locked row: two toggles never agree. */
    public CompletionResult toggle(UUID owner, UUID id) {
        return transactions.inTransaction(() -> {
            Task task = ownedForUpdate(owner, id);
            return task.isCompleted() ? new CompletionResult(reopened(task), null) : completed(owner, task);
        });
    }

    public TaskStats stats(UUID owner, ZoneId zone) {
        return transactions.inTransaction(() -> {
            Instant now = now();
            TaskRepository.DueWindows windows = TaskRepository.DueWindows.at(now, zone);
            TaskRepository.Counts counts = tasks.counts(owner, now, windows.todayStart(), windows.tomorrowStart());
            TaskRepository.OpenBreakdown open = tasks.openBreakdown(owner);
            return new TaskStats(
                    counts.total(),
                    counts.total() - counts.completed(),
                    counts.completed(),
                    counts.overdue(),
                    counts.dueToday(),
                    open.byPriority(),
                    open.byCategory());
        });
    }

    private CompletionResult completed(UUID owner, Task task) {
        Instant now = now();
        if (!task.isCompleted()) {
            task.complete(now);
            task.touch(now);
            // Counted as it happens, in the transaction: a second completion finds the task done and does not count.
            metrics.taskCompleted();
            if (task.getRecurrence() != Recurrence.NONE && task.getNextOccurrenceId() == null) {
                Task next = task.nextOccurrence(now);
                tasks.add(next);
                task.setNextOccurrenceId(next.getId());
            }
        }
        tasks.flush();
        TaskView next = task.getNextOccurrenceId() == null
                ? null
                : tasks.findOwned(owner, task.getNextOccurrenceId())
                        .map(TaskView::of)
                        .orElse(null);
        return new CompletionResult(TaskView.of(task), next);
    }

    private TaskView reopened(Task task) {
        if (task.isCompleted()) {
            task.reopen();
            task.touch(now());
        }
        tasks.flush();
        return TaskView.of(task);
    }

    private Task owned(UUID owner, UUID id) {
        return tasks.findOwned(owner, id).orElseThrow(() -> ProblemException.notFound("Task " + id));
    }

    private Task ownedForUpdate(UUID owner, UUID id) {
        return tasks.findOwnedForUpdate(owner, id).orElseThrow(() -> ProblemException.notFound("Task " + id));
    }

    private static void checkVersion(Task task, long expected) {
        if (task.getVersion() != expected) {
            throw ProblemException.conflict(
                    "The task was changed since version " + expected + "; it is now at version " + task.getVersion()
                            + ". Apply your change to the current state and send that version.",
                    "current",
                    toJson(TaskView.of(task)));
        }
    }

    private static JsonValue toJson(TaskView view) {
        try (var reader = JSON.createReader(new StringReader(JSONB.toJson(view)))) {
            return reader.readObject();
        }
    }

    private TaskView saved(Task task) {
        task.touch(now());
        tasks.flush();
        return TaskView.of(task);
    }

    /** Copies the input onto the task: all fields (create, PUT) or only those present (PATCH). */
    private static void apply(Task task, TaskInput input, boolean onlyPresent) {
        if (!onlyPresent || input.has("title")) {
            task.setTitle(input.title());
        }
        if (!onlyPresent || input.has("description")) {
            task.setDescription(input.description());
        }
        if (!onlyPresent || input.has("priority")) {
            task.setPriority(input.priority() == null ? Priority.MEDIUM : input.priority());
        }
        if (!onlyPresent || input.has("category")) {
            task.setCategory(input.category() == null ? Category.OTHER : input.category());
        }
        if (!onlyPresent || input.has("tags")) {
            task.setTags(input.tags() == null ? Set.of() : input.tags());
        }
        if (!onlyPresent || input.has("dueAt")) {
            task.setDueAt(input.dueAt());
        }
        if (!onlyPresent || input.has("remindAt")) {
            task.setRemindAt(input.remindAt());
        }
        if (!onlyPresent || input.has("recurrence")) {
            task.setRecurrence(input.recurrence() == null ? Recurrence.NONE : input.recurrence());
        }
    }

    /** PostgreSQL keeps microseconds: a task reads back exactly as it was returned. */
    private Instant now() {
        return clock.instant().truncatedTo(ChronoUnit.MICROS);
    }
}
