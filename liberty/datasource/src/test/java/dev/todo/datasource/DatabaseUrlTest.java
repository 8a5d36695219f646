package dev.todo.datasource;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

import org.junit.jupiter.api.Test;

class DatabaseUrlTest {

    private static final String NEON =
            "postgresql://todo_owner:npg_S3cr3t@ep-cool-bird-a5.us-east-2.aws.db.example/tododb"
                    + "?sslmode=require&channel_binding=require";

    @Test
    void libpqUrlAsNeonGivesItBecomesJdbcUrlWithCredentialsApart() {
        DatabaseUrl url = DatabaseUrl.parse(NEON);

        assertThat(url.jdbcUrl())
                .startsWith("jdbc:postgresql://ep-cool-bird-a5.us-east-2.aws.db.example/tododb?")
                .contains("sslmode=require", "channelBinding=require")
                .doesNotContain("npg_S3cr3t", "todo_owner");
        assertThat(url.user()).isEqualTo("todo_owner");
        assertThat(url.password()).isEqualTo("npg_S3cr3t");
    }

    @Test
    void postgresSchemeAndExplicitPortAreAccepted() {
        DatabaseUrl url = DatabaseUrl.parse("postgres://app:pw@db.internal:6543/todo");

        assertThat(url.jdbcUrl()).startsWith("jdbc:postgresql://db.internal:6543/todo?");
    }

    @Test
    void percentEncodedCredentialsAreDecoded() {
        DatabaseUrl url = DatabaseUrl.parse("postgresql://us%40er:p%40ss%3Aw%2Frd+x@localhost/todo");

        assertThat(url.user()).isEqualTo("us@er");
        assertThat(url.password()).isEqualTo("p@ss:w/rd+x");
    }

    @Test
    void ipv6HostIsKept() {
        DatabaseUrl url = DatabaseUrl.parse("postgresql://u:p@[::1]:5433/todo");

        assertThat(url.jdbcUrl()).startsWith("jdbc:postgresql://[::1]:5433/todo?");
    }

    @Test
    void jdbcUrlKeepsItsParametersButMovesCredentialsOut() {
        DatabaseUrl url =
                DatabaseUrl.parse("jdbc:postgresql://localhost:5432/todo?user=app&password=secret&sslmode=disable");

        assertThat(url.jdbcUrl()).contains("sslmode=disable").doesNotContain("secret", "user=");
        assertThat(url.user()).isEqualTo("app");
        assertThat(url.password()).isEqualTo("secret");
    }

    @Test
    void boundedTimeoutsAreAddedUnlessGiven() {
        assertThat(DatabaseUrl.parse("postgresql://u:p@h/db").jdbcUrl())
                .contains("connectTimeout=5", "socketTimeout=30");
        assertThat(DatabaseUrl.parse("postgresql://u:p@h/db?connect_timeout=2").jdbcUrl())
                .contains("connectTimeout=2")
                .doesNotContain("connectTimeout=5");
    }

    @Test
    void missingDatabaseNameDefaultsToTheUserNameAsLibpqDoes() {
        assertThat(DatabaseUrl.parse("postgresql://alice:pw@h").location()).isEqualTo("h/alice");
    }

    @Test
    void toStringAndDescribeNeverShowThePassword() {
        DatabaseUrl url = DatabaseUrl.parse(NEON);

        assertThat(url.toString()).doesNotContain("npg_S3cr3t").contains("****");
        assertThat(url.describe()).isEqualTo("todo_owner@ep-cool-bird-a5.us-east-2.aws.db.example/tododb");
    }

    @Test
    void wrongSchemeIsRejectedWithoutEchoingTheUrl() {
        assertThatIllegalArgumentException()
                .isThrownBy(() -> DatabaseUrl.parse("mysql://root:hunter2@localhost/todo"))
                .withMessageContaining("mysql")
                .withMessageNotContaining("hunter2");
    }

    @Test
    void emptyHostIsRejected() {
        assertThatIllegalArgumentException()
                .isThrownBy(() -> DatabaseUrl.parse("postgresql://user:pw@/todo"))
                .withMessageContaining("no host");
    }

    @Test
    void nonNumericPortIsRejected() {
        assertThatIllegalArgumentException()
                .isThrownBy(() -> DatabaseUrl.parse("postgresql://user:pw@host:abc/todo"))
                .withMessageContaining("port");
    }

    @Test
    void blankValueIsRejected() {
        assertThatIllegalArgumentException().isThrownBy(() -> DatabaseUrl.parse("  "));
    }
}
