package dev.todo.api.database;

import java.sql.SQLException;

/** A statement that failed; the mappers look at the SQLException inside to tell an outage (503) from a fault. */
public class DatabaseException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    public DatabaseException(String message, SQLException cause) {
        super(message, cause);
    }
}
