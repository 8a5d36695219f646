package dev.todo.api.account;

import java.util.Arrays;

/** What a token may do: {@code read} lists and reads; {@code read-write} may also create, change and delete. */
public enum TokenScope {
    READ("read"),
    READ_WRITE("read-write");

    private final String value;

    TokenScope(String value) {
        this.value = value;
    }

    /** The name in the API and the database, e.g. {@code read-write}. */
    public String value() {
        return value;
    }

    public static TokenScope of(String value) {
        return Arrays.stream(values())
                .filter(scope -> scope.value.equals(value))
                .findFirst()
                .orElseThrow(() -> new IllegalArgumentException("unknown token scope " + value));
    }
}
