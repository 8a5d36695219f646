package dev.todo.web.task;

import dev.todo.web.api.Task;
import dev.todo.web.api.TaskFields;
import dev.todo.web.page.Pages;
import java.time.Instant;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * The task fields as the forms hold them; tags are typed as one comma-separated line. The limits are the API's, checked
 * here first so that the form can say in plain words what is over and by how much.
 */
public class TaskForm {

    static final int MAX_TITLE = 255;
    static final int MAX_NOTES = 4000;
    static final int MAX_TAGS = 20;
    static final int MAX_TAG_LENGTH = 40;

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
                .collect(Collectors.toCollection(LinkedHashSet::new)));
    }

    /**
     * What the API would refuse, field by field (named as in the API's body), in words for the person who typed it.
     * Empty when the form can be sent.
     */
    Map<String, String> problems() {
        Map<String, String> problems = new LinkedHashMap<>();
        String shownTitle = title == null ? "" : title.strip();
        if (shownTitle.isEmpty()) {
            problems.put("title", "Give the task a title.");
        } else if (shownTitle.length() > MAX_TITLE) {
            problems.put(
                    "title",
                    "The title can have at most " + number(MAX_TITLE) + " characters; it has "
                            + number(shownTitle.length()) + ".");
        }
        if (description != null && description.strip().length() > MAX_NOTES) {
            problems.put(
                    "description",
                    "The notes can have at most " + number(MAX_NOTES) + " characters; they have "
                            + number(description.strip().length()) + ".");
        }
        List<String> tagList = parseTags(tags);
        if (tagList.size() > MAX_TAGS) {
            problems.put("tags", "A task can have at most " + MAX_TAGS + " tags; this one has " + tagList.size() + ".");
        } else {
            tagList.stream()
                    .filter(tag -> tag.length() > MAX_TAG_LENGTH)
                    .findFirst()
                    .ifPresent(tag -> problems.put(
                            "tags",
                            "A tag can have at most " + MAX_TAG_LENGTH + " characters; “" + tag + "” has "
                                    + tag.length() + "."));
        }
        return problems;
    }

    /** The API's refusals of the task fields, in the words of the form {@code formId} ({@code add}, {@code edit}). */
    static Map<String, Pages.Field> apiFields(String formId) {
        return Map.of(
                "title", new Pages.Field(formId + ":title", "Give the task a title of at most 255 characters."),
                "description", new Pages.Field(formId + ":description", "The notes can have at most 4,000 characters."),
                "tags",
                        new Pages.Field(
                                formId + ":tags", "A task can have at most 20 tags of up to 40 characters each."),
                "dueAt", new Pages.Field(formId + ":due", "Enter the due date as a date and a time."),
                "remindAt", new Pages.Field(formId + ":remind", "Enter the reminder as a date and a time."),
                "priority", new Pages.Field(formId + ":priority", "Choose a priority from the list."),
                "category", new Pages.Field(formId + ":category", "Choose a category from the list."),
                "recurrence", new Pages.Field(formId + ":recurrence", "Choose how the task repeats from the list."));
    }

    /** A reminder set to ring after the task is due, which is allowed but rarely meant. */
    boolean remindsAfterDue() {
        return remindAt != null && dueAt != null && remindAt.isAfter(dueAt);
    }

    /**
     * This form with what a quick-add line said: the line's title, and its due date, priority, repeat and tags where
     * the details were left at their defaults (tags are added to those typed in the details).
     */
    TaskForm withLine(QuickAdd.Parsed line, ZoneId zone) {
        TaskForm form = copy();
        form.title = line.title();
        if (form.dueAt == null && line.due() != null) {
            form.dueAt = line.due().atZone(zone).toInstant();
        }
        if ("MEDIUM".equals(form.priority) && line.priority() != null) {
            form.priority = line.priority();
        }
        if ("NONE".equals(form.recurrence) && line.recurrence() != null) {
            form.recurrence = line.recurrence();
        }
        if (!line.tags().isEmpty()) {
            List<String> all = new ArrayList<>(parseTags(tags));
            all.addAll(line.tags());
            form.tags = String.join(", ", all);
        }
        return form;
    }

    private TaskForm copy() {
        TaskForm form = new TaskForm();
        form.title = title;
        form.description = description;
        form.priority = priority;
        form.category = category;
        form.tags = tags;
        form.dueAt = dueAt;
        form.remindAt = remindAt;
        form.recurrence = recurrence;
        return form;
    }

    private static String number(int value) {
        return String.format(Locale.ENGLISH, "%,d", value);
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
