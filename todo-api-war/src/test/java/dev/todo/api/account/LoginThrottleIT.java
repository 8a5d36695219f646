package dev.todo.api.account;

import static org.assertj.core.api.Assertions.assertThat;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import javax.sql.DataSource;
import org.flywaydb.core.Flyway;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The sign-in counts on a real PostgreSQL 17, with two throttles standing for two replicas on one database: limits
 * hold across them, under concurrent attempts, and for a throttle made afterwards (a restarted server).
 */
class LoginThrottleIT {

    private static final int FREE_PER_CLIENT = 8;

    private static EmbeddedPostgres postgres;
    private static DataSource database;

    @BeforeAll
    static void startDatabase() throws IOException {
        postgres = EmbeddedPostgres.builder().start();
        database = postgres.getPostgresDatabase();
        Flyway.configure()
                .dataSource(database)
                .locations("classpath:db/migration")
                .load()
                .migrate();
    }

    @AfterAll
    static void stopDatabase() throws IOException {
        postgres.close();
    }

    private static LoginThrottle replica() {
        LoginThrottle throttle = new LoginThrottle();
        throttle.dataSource = database;
        throttle.freeFailuresPerClient = FREE_PER_CLIENT;
        return throttle;
    }

    private static String email() {
        return "someone-" + UUID.randomUUID() + "@example.com";
    }

    private static String client() {
        return "203.0.113." + UUID.randomUUID();
    }

    @Test
    void concurrentAttemptsOnOneAccountAcrossReplicasAdmitExactlyTheFreeOnes() throws Exception {
        List<LoginThrottle> replicas = List.of(replica(), replica());
        String email = email();

        List<Optional<Duration>> answers =
                concurrently(40, i -> replicas.get(i % 2).admit(email, client()));

        assertThat(answers.stream().filter(Optional::isEmpty)).hasSize(LoginThrottle.FREE_FAILURES_PER_ACCOUNT);
        assertThat(answers.stream().flatMap(Optional::stream))
                .allSatisfy(wait -> assertThat(wait).isBetween(Duration.ofSeconds(1), LoginThrottle.FIRST_WAIT));
        assertThat(failures("account", LoginThrottle.accountHash(email)))
                .contains(LoginThrottle.FREE_FAILURES_PER_ACCOUNT);
    }

    @Test
    void concurrentAttemptsFromOneClientOnManyAccountsAdmitExactlyTheClientsFreeOnes() throws Exception {
        List<LoginThrottle> replicas = List.of(replica(), replica());
        String client = client();

        List<Optional<Duration>> answers =
                concurrently(30, i -> replicas.get(i % 2).admit(email(), client));

        assertThat(answers.stream().filter(Optional::isEmpty)).hasSize(FREE_PER_CLIENT);
    }

    @Test
    void failuresOnAnUnknownEmailNeverBlockAnotherAccount() {
        LoginThrottle throttle = replica();
        String unknown = email();
        for (int i = 0; i < 10; i++) {
            throttle.admit(unknown, client());
        }

        assertThat(throttle.admit(unknown, client())).isPresent();
        assertThat(throttle.admit(email(), client())).isEmpty();
    }

    @Test
    void theBlockHoldsForAThrottleStartedLaterAndForAnyCaseOfTheEmail() {
        String email = email();
        for (int i = 0; i < LoginThrottle.FREE_FAILURES_PER_ACCOUNT; i++) {
            replica().admit(email, client());
        }

        assertThat(replica().admit(email.toUpperCase(), client())).isPresent();
    }

    @Test
    void aSuccessClearsTheAccountAndTakesItsAttemptBackFromTheClient() throws SQLException {
        LoginThrottle throttle = replica();
        String email = email();
        String client = client();
        for (int i = 0; i < LoginThrottle.FREE_FAILURES_PER_ACCOUNT - 1; i++) {
            throttle.admit(email, client);
        }
        assertThat(throttle.admit(email, client)).isEmpty();

        throttle.succeeded(email, client);

        for (int i = 0; i < LoginThrottle.FREE_FAILURES_PER_ACCOUNT - 1; i++) {
            assertThat(throttle.admit(email, client)).isEmpty();
        }
        assertThat(failures("client", LoginThrottle.hash(client)))
                .contains(2 * LoginThrottle.FREE_FAILURES_PER_ACCOUNT - 2);
    }

    @Test
    void aFailureAfterTheWaitDoublesIt() throws SQLException {
        LoginThrottle throttle = replica();
        String email = email();
        for (int i = 0; i < LoginThrottle.FREE_FAILURES_PER_ACCOUNT; i++) {
            throttle.admit(email, client());
        }
        endEveryBlock();

        assertThat(throttle.admit(email, client())).isEmpty();
        Duration next = throttle.admit(email, client()).orElseThrow();

        assertThat(next).isGreaterThan(LoginThrottle.FIRST_WAIT).isLessThanOrEqualTo(LoginThrottle.waitAfter(1));
    }

    private interface Attempt {
        Optional<Duration> run(int index);
    }

    private static List<Optional<Duration>> concurrently(int count, Attempt attempt) throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(16);
        try {
            List<Callable<Optional<Duration>>> attempts = new ArrayList<>();
            for (int i = 0; i < count; i++) {
                int index = i;
                attempts.add(() -> attempt.run(index));
            }
            List<Optional<Duration>> answers = new ArrayList<>();
            for (Future<Optional<Duration>> answer : pool.invokeAll(attempts)) {
                answers.add(answer.get());
            }
            return answers;
        } finally {
            pool.shutdownNow();
        }
    }

    private static Optional<Integer> failures(String kind, byte[] subject) throws SQLException {
        try (Connection connection = database.getConnection();
                PreparedStatement query = connection.prepareStatement(
                        "SELECT failures FROM sign_in_throttle WHERE kind = ? AND subject_hash = ?")) {
            query.setString(1, kind);
            query.setBytes(2, subject);
            try (ResultSet row = query.executeQuery()) {
                return row.next() ? Optional.of(row.getInt(1)) : Optional.empty();
            }
        }
    }

    private static void endEveryBlock() throws SQLException {
        try (Connection connection = database.getConnection();
                Statement statement = connection.createStatement()) {
            statement.executeUpdate("UPDATE sign_in_throttle SET blocked_until = now() - interval '1 second'"
                    + " WHERE blocked_until IS NOT NULL");
        }
    }
}
