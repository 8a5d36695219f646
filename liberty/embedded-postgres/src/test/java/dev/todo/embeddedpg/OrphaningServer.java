package dev.todo.embeddedpg;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.Statement;
import javax.sql.DataSource;

/**
 * Stands in for a Liberty server in its own JVM: starts the embedded database, writes a row, reports the
 * postmaster's pid and waits to be killed with {@code kill -9}, which leaves PostgreSQL running.
 */
public final class OrphaningServer {

    private OrphaningServer() {}

    public static void main(String[] args) throws Exception {
        DataSource dataSource =
                new EmbeddedPostgresDatabase().start(Path.of(args[0]).toString(), 0);
        try (Connection connection = dataSource.getConnection();
                Statement statement = connection.createStatement()) {
            statement.execute("CREATE TABLE orphaned (v text); INSERT INTO orphaned VALUES ('kept')");
        }
        System.out.println("READY");
        System.out.flush();
        Thread.sleep(Long.MAX_VALUE);
    }
}
