package dev.todo.api.task;

/** How urgent a task is; {@link #rank()} orders them for sorting (stored beside the name). */
public enum Priority {
    LOW(1),
    MEDIUM(2),
    HIGH(3);

    private final int rank;

    Priority(int rank) {
        this.rank = rank;
    }

    public int rank() {
        return rank;
    }
}
