package dev.todo.api.telemetry;

import java.util.Locale;

/** How a tool call ended, as the {@code outcome} label of {@code todo.tool.calls} and an attribute of its span. */
public enum ToolOutcome {
    /** The tool did what it was asked. */
    OK,
    /** The tool answered with an error the caller can correct (bad arguments, a task that is not theirs). */
    FAILED,
    /** The call threw: the database or our own code failed. */
    ERROR;

    String label() {
        return name().toLowerCase(Locale.ROOT);
    }
}
