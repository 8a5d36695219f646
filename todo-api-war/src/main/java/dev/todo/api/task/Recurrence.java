package dev.todo.api.task;

import java.time.Instant;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;

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

    /**
     * The first time after {@code now} in the rhythm that began at {@code start}: a repeating task without a due date
     * keeps the day (of the week, of the month) and the time it was created at, however late it was completed.
     */
    public Instant nextAfter(Instant start, Instant now) {
        var from = start.atZone(ZoneOffset.UTC);
        var at = now.atZone(ZoneOffset.UTC);
        long elapsed = Math.max(
                0,
                switch (this) {
                    case NONE -> throw new IllegalStateException("a task that does not repeat has no next occurrence");
                    case DAILY -> ChronoUnit.DAYS.between(from, at);
                    case WEEKLY -> ChronoUnit.WEEKS.between(from, at);
                    case MONTHLY -> ChronoUnit.MONTHS.between(from, at);
                });
        return switch (this) {
            case DAILY -> from.plusDays(elapsed + 1).toInstant();
            case WEEKLY -> from.plusWeeks(elapsed + 1).toInstant();
            default -> from.plusMonths(elapsed + 1).toInstant();
        };
    }
}
