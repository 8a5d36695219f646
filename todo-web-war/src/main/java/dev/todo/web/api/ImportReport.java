package dev.todo.web.api;

import java.util.List;

/** What an import did or, in a dry run, would do; {@code refused} rows mean nothing was imported. */
public record ImportReport(
        boolean dryRun,
        boolean imported,
        String format,
        Counts tasks,
        Counts conversations,
        List<RowNote> skipped,
        List<RowNote> refused) {

    public List<RowNote> skipped() {
        return skipped == null ? List.of() : skipped;
    }

    public List<RowNote> refused() {
        return refused == null ? List.of() : refused;
    }

    public record Counts(int created, int existing) {}

    public record RowNote(String row, String field, String message) {}
}
