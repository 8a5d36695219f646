package dev.todo.web.task;

import dev.todo.web.api.Task;
import dev.todo.web.api.TaskFields;
import java.time.Instant;
import java.util.Arrays;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.stream.Collectors;

/** The task fields as the forms hold them; tags are typed as one comma-separated line. */
public class TaskForm {

    static final int MAX_TAGS = 10;

    private String title;
    private String description;
    private String priority = "MEDIUM";
    private String category = "OTHER";
    private String tags;
    private Instant dueAt;
    private Instant remindAt;
    private String recurrence = "NONE";

    static TaskForm of(Task task) {
        TaskForm form = new TaskForm();
        form.title = task.title();
        form.description = task.description();
        form.priority = task.priority();
        form.category = task.category();
        form.tags = String.join(", ", task.tags());
        form.dueAt = task.dueAt();
        form.remindAt = task.remindAt();
        form.recurrence = task.recurrence();
        return form;
    }

    TaskFields toFields(Long version) {
        return new TaskFields(
                title == null ? null : title.trim(),
                blankToNull(description),
                priority,
                category,
                parseTags(tags),
                dueAt,
                remindAt,
                recurrence,
                version);
    }

    /** "Home, errands ,home" becomes [home, errands]: trimmed, lower case, no repeats, no empties. */
    static List<String> parseTags(String text) {
        if (text == null || text.isBlank()) {
            return List.of();
        }
        return List.copyOf(Arrays.stream(text.split(","))
                .map(String::trim)
                .map(tag -> tag.replaceFirst("^#", "").toLowerCase(Locale.ROOT))
                .filter(tag -> !tag.isEmpty())
                .limit(MAX_TAGS)
                .collect(Collectors.toCollection(LinkedHashSet::new)));
    }

    private static String blankToNull(String value) {
        return value == null || value.isBlank() ? null : value.trim();
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
        this.description = description;
    }

    public String getPriority() {
        return priority;
    }

    public void setPriority(String priority) {
        this.priority = priority;
    }

    public String getCategory() {
        return category;
    }

    public void setCategory(String category) {
        this.category = category;
    }

    public String getTags() {
        return tags;
    }

    public void setTags(String tags) {
        this.tags = tags;
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

    public String getRecurrence() {
        return recurrence;
    }

    public void setRecurrence(String recurrence) {
        this.recurrence = recurrence;
    }
}
