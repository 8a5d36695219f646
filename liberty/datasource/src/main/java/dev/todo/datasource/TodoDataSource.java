package dev.todo.datasource;

import java.io.PrintWriter;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.SQLFeatureNotSupportedException;
import java.util.ServiceLoader;
import java.util.logging.Logger;
import javax.sql.DataSource;
import org.postgresql.ds.PGSimpleDataSource;

/**
 * The data source that Liberty pools for {@code jdbc/todo}. Its bean properties come from the
 * {@code <properties>} element of the {@code <dataSource>} in server.xml.
 *
 * <p>With {@code databaseUrl} set (from {@code DATABASE_URL}) it connects there. With it empty it starts the
 * embedded PostgreSQL if the server has that library (local loop, tests), and otherwise refuses every connection
 * with a message that says what to set. The target is resolved on the first connection, not when Liberty creates the
 * bean, so a bad URL shows up as a clear error and a DOWN readiness check rather than a failed server start.
 */
public class TodoDataSource implements DataSource {

    private static final Logger LOG = Logger.getLogger(TodoDataSource.class.getName());

    private String databaseUrl = "";
    private String embeddedDataDirectory = "";
    private int embeddedPort;
    private int loginTimeout;
    private PrintWriter logWriter;
    private DataSource target;

    public synchronized void setDatabaseUrl(String databaseUrl) {
        this.databaseUrl = databaseUrl == null ? "" : databaseUrl;
        this.target = null;
    }

    public synchronized String getDatabaseUrl() {
        return databaseUrl;
    }

    public synchronized void setEmbeddedDataDirectory(String embeddedDataDirectory) {
        this.embeddedDataDirectory = embeddedDataDirectory == null ? "" : embeddedDataDirectory;
    }

    public synchronized String getEmbeddedDataDirectory() {
        return embeddedDataDirectory;
    }

    public synchronized void setEmbeddedPort(int embeddedPort) {
        this.embeddedPort = embeddedPort;
    }

    public synchronized int getEmbeddedPort() {
        return embeddedPort;
    }

    @Override
    public Connection getConnection() throws SQLException {
        return target().getConnection();
    }

    @Override
    public Connection getConnection(String username, String password) throws SQLException {
        return target().getConnection(username, password);
    }

    private synchronized DataSource target() throws SQLException {
        if (target == null) {
            target = databaseUrl.isBlank() ? embedded() : external();
        }
        return target;
    }

    private DataSource external() throws SQLException {
        DatabaseUrl url;
        try {
            url = DatabaseUrl.parse(databaseUrl);
        } catch (IllegalArgumentException e) {
            throw new SQLException("Invalid DATABASE_URL: " + e.getMessage(), "08001");
        }
        PGSimpleDataSource postgres = new PGSimpleDataSource();
        postgres.setURL(url.jdbcUrl());
        if (url.user() != null) {
            postgres.setUser(url.user());
        }
        if (url.password() != null) {
            postgres.setPassword(url.password());
        }
        if (loginTimeout > 0) {
            postgres.setLoginTimeout(loginTimeout);
        }
        LOG.info(() -> "Using PostgreSQL at " + url.describe());
        return postgres;
    }

    private DataSource embedded() throws SQLException {
        for (EmbeddedDatabase database :
                ServiceLoader.load(EmbeddedDatabase.class, getClass().getClassLoader())) {
            String directory = embeddedDataDirectory.isBlank()
                    ? System.getProperty("java.io.tmpdir") + "/todo-pgdata"
                    : embeddedDataDirectory;
            return database.start(directory, embeddedPort);
        }
        throw new SQLException(
                "DATABASE_URL is not set. Set it to the PostgreSQL URL, for example "
                        + "postgresql://user:password@host:5432/todo?sslmode=require",
                "08001");
    }

    @Override
    public synchronized PrintWriter getLogWriter() {
        return logWriter;
    }

    @Override
    public synchronized void setLogWriter(PrintWriter out) {
        this.logWriter = out;
    }

    @Override
    public synchronized void setLoginTimeout(int seconds) {
        this.loginTimeout = seconds;
    }

    @Override
    public synchronized int getLoginTimeout() {
        return loginTimeout;
    }

    @Override
    public Logger getParentLogger() throws SQLFeatureNotSupportedException {
        return Logger.getLogger("dev.todo.datasource");
    }

    @Override
    public <T> T unwrap(Class<T> type) throws SQLException {
        if (type.isInstance(this)) {
            return type.cast(this);
        }
        throw new SQLException("Not a wrapper for " + type.getName());
    }

    @Override
    public boolean isWrapperFor(Class<?> type) {
        return type.isInstance(this);
    }
}
