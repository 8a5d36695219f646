package dev.todo.embeddedpg;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import javax.sql.DataSource;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class EmbeddedPostgresDatabaseTest {

    @TempDir
    Path dataDirectory;

    private final EmbeddedPostgresDatabase database = new EmbeddedPostgresDatabase();

    @AfterEach
    void stop() throws Exception {
        EmbeddedPostgresDatabase.stopAll();
    }

    @Test
    void startsRealPostgresql17() throws Exception {
        DataSource dataSource = database.start(dataDirectory.toString(), 0);

        assertThat(queryString(dataSource, "SHOW server_version")).startsWith("17.");
    }

    @Test
    void dataSurvivesARestartOnTheSameDirectory() throws Exception {
        execute(
                database.start(dataDirectory.toString(), 0),
                "CREATE TABLE kept (v text); INSERT INTO kept VALUES ('x')");
        EmbeddedPostgresDatabase.stopAll();

        DataSource restarted = database.start(dataDirectory.toString(), 0);

        assertThat(queryString(restarted, "SELECT v FROM kept")).isEqualTo("x");
    }

    @Test
    void secondStartInTheSameJvmReusesTheRunningDatabase() throws Exception {
        execute(database.start(dataDirectory.toString(), 0), "CREATE TABLE once (v int)");

        DataSource again = database.start(dataDirectory.toString(), 0);

        assertThat(queryString(again, "SELECT count(*) FROM once")).isEqualTo("0");
    }

    @Test
    void stalePostmasterLeftByAKilledServerIsStoppedAndTheDataTakenOver() throws Exception {
        Process server = new ProcessBuilder(
                        Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                        "-cp",
                        System.getProperty("java.class.path"),
                        OrphaningServer.class.getName(),
                        dataDirectory.toString())
                .redirectErrorStream(true)
                .start();
        try (BufferedReader output = new BufferedReader(new InputStreamReader(server.getInputStream()))) {
            assertThat(output.lines().filter("READY"::equals).findFirst()).isPresent();
        }
        long postmasterPid = Long.parseLong(Files.readAllLines(dataDirectory.resolve("postmaster.pid"))
                .get(0)
                .strip());
        server.destroyForcibly().waitFor();
        assertThat(ProcessHandle.of(postmasterPid).map(ProcessHandle::isAlive)).contains(true);

        DataSource taken = database.start(dataDirectory.toString(), 0);

        assertThat(ProcessHandle.of(postmasterPid).map(ProcessHandle::isAlive).orElse(false))
                .isFalse();
        assertThat(queryString(taken, "SELECT v FROM orphaned")).isEqualTo("kept");
    }

    private static void execute(DataSource dataSource, String sql) throws Exception {
        try (Connection connection = dataSource.getConnection();
                Statement statement = connection.createStatement()) {
            statement.execute(sql);
        }
    }

    private static String queryString(DataSource dataSource, String sql) throws Exception {
        try (Connection connection = dataSource.getConnection();
                Statement statement = connection.createStatement();
                ResultSet result = statement.executeQuery(sql)) {
            result.next();
            return result.getString(1);
        }
    }
}
