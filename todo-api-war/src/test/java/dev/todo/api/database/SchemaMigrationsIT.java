package dev.todo.api.database;

import static org.assertj.core.api.Assertions.assertThat;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import org.flywaydb.core.Flyway;
import org.flywaydb.core.api.output.MigrateResult;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The application's migrations, run by {@link SchemaMigrations} as the server runs them, on a real PostgreSQL 17. */
class SchemaMigrationsIT {

    private static EmbeddedPostgres postgres;
    private static SchemaMigrations migrations;

    @BeforeAll
    static void startDatabase() throws IOException {
        postgres = EmbeddedPostgres.builder().start();
        migrations = new SchemaMigrations();
        migrations.dataSource = postgres.getPostgresDatabase();
    }

    @AfterAll
    static void stopDatabase() throws IOException {
        postgres.close();
    }

    @Test
    void databaseIsARealPostgresql17() throws SQLException {
        assertThat(queryString("SHOW server_version")).startsWith("17.");
    }

    @Test
    void schemaIsMigrated() throws SQLException {
        assertThat(migrations.ensureUpToDate()).isTrue();
        assertThat(queryString("SELECT to_regclass('public.task')::text")).isEqualTo("task");
        assertThat(queryString("SELECT count(*) FROM flyway_schema_history WHERE success"))
                .isNotEqualTo("0");
    }

    @Test
    void migratingAnUpToDateDatabaseAgainChangesNothing() throws SQLException {
        assertThat(migrations.ensureUpToDate()).isTrue();
        String historyBefore = history();

        MigrateResult again = Flyway.configure(getClass().getClassLoader())
                .dataSource(postgres.getPostgresDatabase())
                .locations("classpath:db/migration")
                .load()
                .migrate();

        assertThat(again.migrationsExecuted).isZero();
        assertThat(history()).isEqualTo(historyBefore);
    }

    private static String history() throws SQLException {
        return queryString("SELECT string_agg(version || ':' || checksum, ',' ORDER BY installed_rank) "
                + "FROM flyway_schema_history");
    }

    private static String queryString(String sql) throws SQLException {
        try (Connection connection = postgres.getPostgresDatabase().getConnection();
                Statement statement = connection.createStatement();
                ResultSet result = statement.executeQuery(sql)) {
            result.next();
            return result.getString(1);
        }
    }
}
