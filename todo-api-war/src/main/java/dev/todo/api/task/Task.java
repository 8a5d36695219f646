package dev.todo.api.task;

import jakarta.persistence.CollectionTable;
import jakarta.persistence.Column;
import jakarta.persistence.ElementCollection;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.FetchType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashSet;
import java.util.Set;
import java.util.UUID;

/** A task of one owner. Never leaves the service layer: resources see {@link dev.todo.api.task.dto.TaskView}. */
@Entity
@Table(name = "task")
public class Task {

    @Id
    private UUID id;

    @Column(name = "owner_id", nullable = false, updatable = false)
    private UUID ownerId;

    @Column(nullable = false)
    private String title;

    @Column(nullable = false)
    private String description = "";

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    private Priority priority = Priority.MEDIUM;

    @Column(name = "priority_rank", nullable = false)
    private int priorityRank = Priority.MEDIUM.rank();

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    private Category category = Category.OTHER;

    @ElementCollection(fetch = FetchType.EAGER)
    @CollectionTable(name = "task_tag", joinColumns = @JoinColumn(name = "task_id"))
    @Column(name = "tag", nullable = false)
    private Set<String> tags = new LinkedHashSet<>();

    @Column(name = "due_at")
    private Instant dueAt;

    @Column(name = "remind_at")
    private Instant remindAt;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    private Recurrence recurrence = Recurrence.NONE;

    @Column(nullable = false)
    private boolean completed;

    @Column(name = "completed_at")
    private Instant completedAt;

    @Column(name = "next_occurrence_id")
    private UUID nextOccurrenceId;

    @Column(name = "created_at", nullable = false, updatable = false)
    private Instant createdAt;

    @Column(name = "updated_at", nullable = false)
    private Instant updatedAt;

    @Version
    private long version;

    protected Task() {}

    public Task(UUID ownerId, String title, Instant now) {
        this.id = UUID.randomUUID();
        this.ownerId = ownerId;
        this.title = title;
        this.createdAt = now;
        this.updatedAt = now;
    }

    /**
     * A task as it was elsewhere (an import): its own creation, change and completion times, not now. Fields are set
     * afterwards as for any new task.
     */
    static Task restored(UUID ownerId, String title, Instant createdAt, Instant updatedAt, Instant completedAt) {
        Task task = new Task(ownerId, title, createdAt);
        task.updatedAt = updatedAt;
        if (completedAt != null) {
            task.complete(completedAt);
        }
        return task;
    }

    /**
     * The next occurrence of this repeating task: same details, open, due one period after this one was due, or
     * (without a due date) at the next step of the rhythm that began when this task was created.
     */
    Task nextOccurrence(Instant now) {
        Instant nextDue = dueAt != null ? recurrence.next(dueAt) : recurrence.nextAfter(createdAt, now);
        Task next = new Task(ownerId, title, now);
        next.description = description;
        next.setPriority(priority);
        next.category = category;
        next.tags = new LinkedHashSet<>(tags);
        next.recurrence = recurrence;
        next.dueAt = nextDue;
        if (remindAt != null && dueAt != null) {
            next.remindAt = nextDue.minus(Duration.between(remindAt, dueAt));
        }
        return next;
    }

    public UUID getId() {
        return id;
    }

    public UUID getOwnerId() {
        return ownerId;
    }

    public String getTitle() {
        return title;
    }

    public void setTitle(String title) {
        this.title = title;
    }

    public String getDescription() {
        return description;
    }

    public void setDescription(String description) {
        this.description = description == null ? "" : description;
    }

    public Priority getPriority() {
        return priority;
    }

    public void setPriority(Priority priority) {
        this.priority = priority;
        this.priorityRank = priority.rank();
    }

    public Category getCategory() {
        return category;
    }

    public void setCategory(Category category) {
        this.category = category;
    }

    public Set<String> getTags() {
        return Set.copyOf(tags);
    }

    public void setTags(Set<String> tags) {
        this.tags.clear();
        this.tags.addAll(tags);
    }

    public Instant getDueAt() {
        return dueAt;
    }

    public void setDueAt(Instant dueAt) {
        this.dueAt = dueAt;
    }

    public Instant getRemindAt() {
        return remindAt;
    }

    public void setRemindAt(Instant remindAt) {
        this.remindAt = remindAt;
    }

    public Recurrence getRecurrence() {
        return recurrence;
    }

    public void setRecurrence(Recurrence recurrence) {
        this.recurrence = recurrence;
    }

    public boolean isCompleted() {
        return completed;
    }

    public Instant getCompletedAt() {
        return completedAt;
    }

    void complete(Instant now) {
        completed = true;
        completedAt = now;
    }

    void reopen() {
        completed = false;
        completedAt = null;
    }

    UUID getNextOccurrenceId() {
        return nextOccurrenceId;
    }

    void setNextOccurrenceId(UUID nextOccurrenceId) {
        this.nextOccurrenceId = nextOccurrenceId;
    }

    public Instant getCreatedAt() {
        return createdAt;
    }

    public Instant getUpdatedAt() {
        return updatedAt;
    }

    void touch(Instant now) {
        this.updatedAt = now;
    }

    /** The version a task has once its first row is written, which {@link TaskRepository#insert} does with SQL. */
    void inserted() {
        version = 1;
    }

    public long getVersion() {
        return version;
    }
}
