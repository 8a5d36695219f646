package dev.todo.api.database;

import static org.assertj.core.api.Assertions.assertThat;

import jakarta.annotation.Resource;
import jakarta.inject.Inject;
import java.io.File;
import java.net.URISyntaxException;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import javax.sql.DataSource;
import org.assertj.core.api.Assertions;
import org.flywaydb.core.Flyway;
import org.flywaydb.core.api.output.MigrateResult;
import org.flywaydb.database.postgresql.PostgreSQLConfigurationExtension;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.shrinkwrap.api.ShrinkWrap;
import org.jboss.shrinkwrap.api.asset.EmptyAsset;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/** Runs inside the Liberty server, on the server's own PostgreSQL data source. */
@ExtendWith(ArquillianExtension.class)
class SchemaMigrationsIT {

    @Deployment
    static WebArchive deployment() throws URISyntaxException {
        return ShrinkWrap.create(WebArchive.class, "schema-migrations-it.war")
                .addClass(SchemaMigrations.class)
                .addAsResource("db/migration/V1__accounts_and_tasks.sql")
                .addAsResource("db/migration/flyway.location")
                .addAsResource("db/callback/flyway.location")
                .addAsLibraries(jarOf(Flyway.class), jarOf(PostgreSQLConfigurationExtension.class), jarOf(Assertions.class))
                .addAsWebInfResource(EmptyAsset.INSTANCE, "beans.xml");
    }

    private static File jarOf(Class<?> type) throws URISyntaxException {
        return new File(type.getProtectionDomain().getCodeSource().getLocation().toURI());
    }

    @Resource(lookup = "jdbc/todo")
    DataSource dataSource;

    @Inject
    SchemaMigrations migrations;

    @Test
    void serverDataSourceIsARealPostgresql17() throws SQLException {
        assertThat(queryString("SHOW server_version")).startsWith("17.");
    }

    @Test
    void schemaIsMigratedAtStartup() throws SQLException {
        assertThat(migrations.ensureUpToDate()).isTrue();
        assertThat(queryString("SELECT to_regclass('public.task')::text")).isEqualTo("task");
        assertThat(queryString("SELECT count(*) FROM flyway_schema_history WHERE success")).isNotEqualTo("0");
    }

    @Test
    void migratingAnUpToDateDatabaseAgainChangesNothing() throws SQLException {
        String historyBefore = queryString("SELECT string_agg(version || ':' || checksum, ',' ORDER BY installed_rank) "
                + "FROM flyway_schema_history");

        MigrateResult again = Flyway.configure(getClass().getClassLoader())
                .dataSource(dataSource)
                .locations("classpath:db/migration")
                .load()
                .migrate();

        assertThat(again.migrationsExecuted).isZero();
        assertThat(queryString("SELECT string_agg(version || ':' || checksum, ',' ORDER BY installed_rank) "
                + "FROM flyway_schema_history")).isEqualTo(historyBefore);
    }

    private String queryString(String sql) throws SQLException {
        try (Connection connection = dataSource.getConnection();
                Statement statement = connection.createStatement();
                ResultSet result = statement.executeQuery(sql)) {
            result.next();
            return result.getString(1);
        }
    }
}
