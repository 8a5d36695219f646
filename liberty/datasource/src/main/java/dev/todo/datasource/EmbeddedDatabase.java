package dev.todo.datasource;

import java.sql.SQLException;
import javax.sql.DataSource;

/**
 * A PostgreSQL that the server starts itself when {@code DATABASE_URL} is unset. Implemented by the
 * {@code todo-embedded-postgres} library, which only the local loop and the test servers load, and found through
 * {@link java.util.ServiceLoader}; production servers have no implementation and so insist on a real URL.
 */
public interface EmbeddedDatabase {

    /**
     * Starts the database on first use (later calls return the running one) and returns a data source for it.
     *
     * @param dataDirectory where the database files live; kept across restarts
     * @param port the port to listen on, or 0 for any free port
     */
    DataSource start(String dataDirectory, int port) throws SQLException;
}
