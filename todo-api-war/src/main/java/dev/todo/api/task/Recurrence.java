package dev.todo.api.task;

import java.time.Instant;
import java.time.ZoneOffset;

/** How a task repeats. Completing a repeating task schedules the next occurrence one period after its due time. */
public enum Recurrence {
    NONE,
    DAILY,
    WEEKLY,
    MONTHLY;

    /** The due time one period later; months are calendar months (31 Jan + 1 month = 28 or 29 Feb). */
    public Instant next(Instant due) {
        var utc = due.atZone(ZoneOffset.UTC);
        return switch (this) {
            case NONE -> throw new IllegalStateException("a task that does not repeat has no next occurrence");
            case DAILY -> utc.plusDays(1).toInstant();
            case WEEKLY -> utc.plusWeeks(1).toInstant();
            case MONTHLY -> utc.plusMonths(1).toInstant();
        };
    }
}
