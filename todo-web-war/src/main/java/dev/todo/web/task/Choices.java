package dev.todo.web.task;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Named;
import java.util.List;
import java.util.Objects;

/** The fixed vocabularies of the API, with the words the pages show for them. */
@Named
@ApplicationScoped
public class Choices {

    static final List<Choice> PRIORITIES =
            List.of(new Choice("HIGH", "High"), new Choice("MEDIUM", "Medium"), new Choice("LOW", "Low"));
    static final List<Choice> CATEGORIES = List.of(
            new Choice("WORK", "Work"),
            new Choice("PERSONAL", "Personal"),
            new Choice("HOME", "Home"),
            new Choice("OTHER", "Other"));
    static final List<Choice> RECURRENCES = List.of(
            new Choice("NONE", "Does not repeat"),
            new Choice("DAILY", "Every day"),
            new Choice("WEEKLY", "Every week"),
            new Choice("MONTHLY", "Every month"));
    static final List<Choice> STATUSES =
            List.of(new Choice("open", "Open"), new Choice("completed", "Done"), new Choice("all", "All"));
    static final List<Choice> DUE_WINDOWS = List.of(
            new Choice("", "Any time"),
            new Choice("overdue", "Overdue"),
            new Choice("today", "Due today"),
            new Choice("week", "Due this week"),
            new Choice("none", "No due date"));
    static final List<Choice> SORTS = List.of(
            new Choice("createdAt", "Date added"),
            new Choice("dueAt", "Due date"),
            new Choice("priority", "Priority"),
            new Choice("title", "Title"));

    static final List<Choice> DIRECTIONS = List.of(new Choice("asc", "Ascending"), new Choice("desc", "Descending"));

    public List<Choice> getDirections() {
        return DIRECTIONS;
    }

    public List<Choice> getPriorities() {
        return PRIORITIES;
    }

    public List<Choice> getCategories() {
        return CATEGORIES;
    }

    public List<Choice> getRecurrences() {
        return RECURRENCES;
    }

    public List<Choice> getStatuses() {
        return STATUSES;
    }

    public List<Choice> getDueWindows() {
        return DUE_WINDOWS;
    }

    public List<Choice> getSorts() {
        return SORTS;
    }

    public String priority(String value) {
        return label(PRIORITIES, value);
    }

    public String category(String value) {
        return label(CATEGORIES, value);
    }

    public String recurrence(String value) {
        return label(RECURRENCES, value);
    }

    static String label(List<Choice> choices, String value) {
        return choices.stream()
                .filter(c -> Objects.equals(c.value(), value))
                .map(Choice::label)
                .findFirst()
                .orElse(value == null ? "" : value);
    }
}
