package dev.todo.api.task;

import static org.assertj.core.api.Assertions.assertThat;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Instant;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.UUID;
import javax.sql.DataSource;
import org.flywaydb.core.Flyway;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The copy of a task's tags on its row (migration V6), which a page of tasks reads: filled for the tasks that existed
 * before it, and kept equal to the task's {@code task_tag} rows by every kind of statement that changes them.
 */
class TaskTagsCopyIT {

    private static EmbeddedPostgres postgres;
    private static DataSource database;
    private static UUID owner;

    @BeforeAll
    static void migrateWithTasksFromBeforeTheCopy() throws IOException, SQLException {
        postgres = EmbeddedPostgres.builder().start();
        database = postgres.getPostgresDatabase();
        flyway("5").migrate();
        owner = UUID.randomUUID();
        update("INSERT INTO app_user (id, email, name, password_hash, created_at, updated_at)" + " VALUES ('" + owner
                + "', 'copy@example.com', 'Copy', 'x', now(), now())");
        UUID older = task("Tagged before the copy existed");
        update("INSERT INTO task_tag (task_id, tag) VALUES ('" + older + "', 'zeta'), ('" + older + "', 'alpha')");
        task("Never tagged");
        flyway("latest").migrate();
    }

    @AfterAll
    static void stopDatabase() throws IOException {
        postgres.close();
    }

    @Test
    void tasksTaggedBeforeTheMigrationGetTheirTagsSorted() throws SQLException {
        assertThat(tagsOf("Tagged before the copy existed")).containsExactly("alpha", "zeta");
        assertThat(tagsOf("Never tagged")).isEmpty();
    }

    @Test
    void addingRemovingAndRenamingTagRowsKeepsTheCopyEqual() throws SQLException {
        UUID id = task("Changed later");
        update("INSERT INTO task_tag (task_id, tag) VALUES ('" + id + "', 'work'), ('" + id + "', 'home')");
        assertThat(tagsOf("Changed later")).containsExactly("home", "work");

        update("DELETE FROM task_tag WHERE task_id = '" + id + "' AND tag = 'home'");
        assertThat(tagsOf("Changed later")).containsExactly("work");

        update("UPDATE task_tag SET tag = 'errands' WHERE task_id = '" + id + "'");
        assertThat(tagsOf("Changed later")).containsExactly("errands");

        update("DELETE FROM task_tag WHERE task_id = '" + id + "'");
        assertThat(tagsOf("Changed later")).isEmpty();
    }

    @Test
    void oneStatementChangingSeveralTasksUpdatesEachOfThem() throws SQLException {
        UUID first = task("First of two");
        UUID second = task("Second of two");
        update("INSERT INTO task_tag (task_id, tag) VALUES ('" + first + "', 'b'), ('" + second + "', 'c')," + " ('"
                + first + "', 'a')");

        assertThat(tagsOf("First of two")).containsExactly("a", "b");
        assertThat(tagsOf("Second of two")).containsExactly("c");
    }

    @Test
    void theRepositorysInsertWritesTheCopySortedAsTheDatabaseSortsIt() throws SQLException {
        TaskRepository repository = new TaskRepository();
        repository.dataSource = database;
        Task task = new Task(owner, "Created with tags", Instant.now());
        task.setTags(new LinkedHashSet<>(List.of("work", "Urgent", "home")));

        repository.insert(task);

        assertThat(tagsOf("Created with tags"))
                .containsExactlyElementsOf(sortedByTheDatabase(List.of("work", "Urgent", "home")));
        assertThat(commandThatWroteTheRow(task))
                .as("the row is the insert's own: the trigger found the copy right and left it alone")
                .isZero();

        update("INSERT INTO task_tag (task_id, tag) VALUES ('" + task.getId() + "', 'later')");
        assertThat(commandThatWroteTheRow(task))
                .as("a tag added afterwards: the trigger's update, after the insert, wrote the row")
                .isPositive();
        assertThat(tagsOf("Created with tags"))
                .containsExactlyElementsOf(sortedByTheDatabase(List.of("work", "Urgent", "home", "later")));
    }

    @Test
    void deletingATaskTakesItsTagRowsWithIt() throws SQLException {
        UUID id = task("Deleted with its tags");
        update("INSERT INTO task_tag (task_id, tag) VALUES ('" + id + "', 'gone')");

        update("DELETE FROM task WHERE id = '" + id + "'");

        try (Connection connection = database.getConnection();
                Statement statement = connection.createStatement();
                ResultSet rows = statement.executeQuery("SELECT count(*) FROM task_tag WHERE task_id = '" + id + "'")) {
            rows.next();
            assertThat(rows.getInt(1)).isZero();
        }
    }

    private static Flyway flyway(String target) {
        return Flyway.configure(TaskTagsCopyIT.class.getClassLoader())
                .dataSource(database)
                .locations("classpath:db/migration")
                .target(target)
                .load();
    }

    private static UUID task(String title) throws SQLException {
        UUID id = UUID.randomUUID();
        update("INSERT INTO task (id, owner_id, title, priority, priority_rank, category, recurrence, created_at,"
                + " updated_at) VALUES ('" + id + "', '" + owner + "', '" + title
                + "', 'LOW', 1, 'OTHER', 'NONE', now(), now())");
        return id;
    }

    private static void update(String sql) throws SQLException {
        try (Connection connection = database.getConnection();
                Statement statement = connection.createStatement()) {
            statement.executeUpdate(sql);
        }
    }

    private static List<String> tagsOf(String title) throws SQLException {
        try (Connection connection = database.getConnection();
                PreparedStatement select = connection.prepareStatement("SELECT tags FROM task WHERE title = ?")) {
            select.setString(1, title);
            try (ResultSet row = select.executeQuery()) {
                assertThat(row.next()).as("a task titled %s", title).isTrue();
                return List.of((String[]) row.getArray(1).getArray());
            }
        }
    }

    private static List<String> sortedByTheDatabase(List<String> tags) throws SQLException {
        try (Connection connection = database.getConnection();
                PreparedStatement select = connection.prepareStatement("SELECT ARRAY(SELECT unnest(?) ORDER BY 1)")) {
            select.setArray(1, connection.createArrayOf("varchar", tags.toArray()));
            try (ResultSet row = select.executeQuery()) {
                row.next();
                return List.of((String[]) row.getArray(1).getArray());
            }
        }
    }

    /**
     * Which command of its transaction wrote the task's row ({@code cmin}): 0 for the statement itself, a later one
     * for the update of an AFTER trigger that the statement fired.
     */
    private static int commandThatWroteTheRow(Task task) throws SQLException {
        try (Connection connection = database.getConnection();
                PreparedStatement select =
                        connection.prepareStatement("SELECT cmin::text::int FROM task WHERE id = ?")) {
            select.setObject(1, task.getId());
            try (ResultSet row = select.executeQuery()) {
                row.next();
                return row.getInt(1);
            }
        }
    }
}
