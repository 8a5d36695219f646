package dev.todo.api.task;

import java.time.ZoneId;

/** What a task list asks for: filters, order and page. All values are already validated. */
public record TaskQuery(
        Status status,
        Priority priority,
        Category category,
        String tag,
        DueWindow due,
        Reminder reminder,
        String text,
        Sort sort,
        boolean ascending,
        int page,
        int size,
        ZoneId zone) {

    public enum Status {
        OPEN,
        COMPLETED,
        ALL
    }

    public enum DueWindow {
        OVERDUE,
        TODAY,
        WEEK,
        NONE
    }

    /** {@code DUE}: open tasks whose reminder time has come. */
    public enum Reminder {
        DUE
    }

    public enum Sort {
        CREATED_AT,
        DUE_AT,
        PRIORITY,
        TITLE
    }
}
