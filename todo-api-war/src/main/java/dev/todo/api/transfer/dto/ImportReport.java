package dev.todo.api.transfer.dto;

import java.util.List;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/**
 * What an import did, or in a dry run would do: how many tasks and conversations it adds, how many were there
 * already (imported before, or the account's own), which rows it passes over, and which it refuses and why. With
 * any row refused nothing is imported.
 */
@Schema(name = "ImportReport")
public record ImportReport(
        @Schema(description = "true: nothing was changed, this is what an import would do")
        boolean dryRun,

        @Schema(description = "true: the file was imported") boolean imported,

        @Schema(enumeration = {"todo-json", "todo-csv", "todoist-csv"})
        String format,

        Counts tasks,
        Counts conversations,

        @Schema(description = "Rows passed over on purpose (sections, duplicates), with why")
        List<RowNote> skipped,

        @Schema(description = "Rows that cannot be imported, with the field at fault and why")
        List<RowNote> refused) {

    public ImportReport {
        skipped = List.copyOf(skipped);
        refused = List.copyOf(refused);
    }

    /** {@code created}: added (or in a dry run to be added); {@code existing}: there already, left as they are. */
    public record Counts(int created, int existing) {}

    /**
     * One row: {@code row} names it as the file does ("row 7" of a CSV counting the header as row 1,
     * "tasks[3]" of a JSON export, "file" for the whole file); {@code field} is empty when not one field is at fault.
     */
    public record RowNote(String row, String field, String message) {}
}
