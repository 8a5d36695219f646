package dev.todo.api.task;

import static org.assertj.core.api.Assertions.assertThat;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Proxy;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Instant;
import java.util.Map;
import java.util.UUID;
import javax.sql.DataSource;
import org.flywaydb.core.Flyway;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * PostgreSQL keeps one plan for the page query on a connection instead of planning each call anew: planning took
 * nearly as long as running it (perf/HISTORY.md, "Fourth pass"). It keeps the generic plan only when that plan's
 * estimated cost is no higher than a custom one's, and with the limit sent as a parameter it never was, not even for
 * this one owner's 2,000 tasks.
 */
class TaskPagePlanIT {

    private static final int TASKS = 2_000;

    private static EmbeddedPostgres postgres;
    private static Connection connection;
    private static UUID owner;

    @BeforeAll
    static void oneOwnerWithManyTasks() throws IOException, SQLException {
        postgres = EmbeddedPostgres.builder().start();
        Flyway.configure(TaskPagePlanIT.class.getClassLoader())
                .dataSource(postgres.getPostgresDatabase())
                .locations("classpath:db/migration")
                .load()
                .migrate();
        connection = postgres.getPostgresDatabase().getConnection();
        owner = UUID.randomUUID();
        try (Statement statement = connection.createStatement()) {
            statement.executeUpdate("INSERT INTO app_user (id, email, name, password_hash, created_at, updated_at)"
                    + " VALUES ('" + owner + "', 'plans@example.com', 'Plans', 'x', now(), now())");
            statement.executeUpdate(
                    "INSERT INTO task (id, owner_id, title, priority, priority_rank, category, recurrence, created_at,"
                            + " updated_at) SELECT gen_random_uuid(), '" + owner + "', 'Task ' || n, 'LOW', 1, 'OTHER',"
                            + " 'NONE', now() - n * interval '1 minute', now() FROM generate_series(1, " + TASKS
                            + ") n");
            statement.execute("ANALYZE task");
        }
    }

    @AfterAll
    static void stopDatabase() throws SQLException, IOException {
        connection.close();
        postgres.close();
    }

    @Test
    void thePageQueryIsPlannedOnceAndItsPlanKept() throws SQLException {
        TaskRepository repository = new TaskRepository();
        repository.dataSource = onlyThisConnection();
        TaskQuery firstPage = TaskListOptions.of(Map.of()).toQuery(); // newest first, 20 a page

        for (int call = 0; call < 20; call++) {
            TaskRepository.Page page = repository.page(owner, firstPage, Instant.now());
            assertThat(page.items()).hasSize(20);
            assertThat(page.total()).isEqualTo(TASKS);
            assertThat(page.items().get(0).title()).isEqualTo("Task 1");
        }

        try (Statement statement = connection.createStatement();
                ResultSet plans =
                        statement.executeQuery("SELECT generic_plans, custom_plans FROM pg_prepared_statements"
                                + " WHERE statement LIKE '%count(*) OVER ()%'")) {
            assertThat(plans.next())
                    .as("the page query, prepared on the server")
                    .isTrue();
            // The driver prepares it on the server from the fifth call on (16 runs there). PostgreSQL plans the first
            // five runs each, then keeps the generic plan if it costs no more. With the limit as a parameter: 16 and 0.
            assertThat(plans.getLong("custom_plans")).isLessThanOrEqualTo(5);
            assertThat(plans.getLong("generic_plans")).isGreaterThanOrEqualTo(10);
        }
    }

    /** The test's one connection, never closed by the repository: the driver keeps its prepared statements. */
    private static DataSource onlyThisConnection() {
        Connection unclosed = (Connection) Proxy.newProxyInstance(
                TaskPagePlanIT.class.getClassLoader(),
                new Class<?>[] {Connection.class},
                (proxy, method, arguments) -> {
                    if (method.getName().equals("close")) {
                        return null;
                    }
                    try {
                        return method.invoke(connection, arguments);
                    } catch (InvocationTargetException e) {
                        throw e.getCause();
                    }
                });
        return (DataSource) Proxy.newProxyInstance(
                TaskPagePlanIT.class.getClassLoader(),
                new Class<?>[] {DataSource.class},
                (proxy, method, arguments) -> {
                    if (method.getName().equals("getConnection")) {
                        return unclosed;
                    }
                    throw new UnsupportedOperationException(method.getName());
                });
    }
}
