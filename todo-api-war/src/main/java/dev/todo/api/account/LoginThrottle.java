package dev.todo.api.account;

import jakarta.annotation.Resource;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.util.Locale;
import java.util.Optional;
import java.util.concurrent.ThreadLocalRandom;
import javax.sql.DataSource;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Slows down password guessing, with counts in PostgreSQL that every replica shares and a restart keeps. After
 * {@value #FREE_FAILURES_PER_ACCOUNT} failed sign-ins for one email (or {@code LOGIN_FREE_FAILURES_PER_CLIENT},
 * default 20, from one client address) further attempts are refused for a while that doubles with each failure, up
 * to {@link #LONGEST_WAIT}. Failures are forgotten {@link #FORGET_AFTER} after the last one; a successful sign-in
 * clears the account's count.
 *
 * <p>An attempt is counted as a failure when it is admitted, before its password is checked, and taken back when
 * it succeeds: attempts sent in parallel cannot all slip in under the limit while the slow password check runs. Each
 * count is one atomic upsert on a locked row, so concurrent attempts on any replicas lose none.
 *
 * <p>Counts for an unknown email block only that email, never an account with another; the client's count blocks
 * only that address. Runs in its own short local transactions, outside the sign-in's JTA transaction.
 */
@ApplicationScoped
public class LoginThrottle {

    static final int FREE_FAILURES_PER_ACCOUNT = 5;
    static final Duration FIRST_WAIT = Duration.ofSeconds(30);
    static final Duration LONGEST_WAIT = Duration.ofMinutes(15);
    static final Duration FORGET_AFTER = Duration.ofHours(1);

    private static final String ACCOUNT = "account";
    private static final String CLIENT = "client";

    /** Counts one more failure unless the key is blocked now; no row comes back while it is blocked. */
    private static final String COUNT = "INSERT INTO sign_in_throttle AS t (kind, subject_hash, failures,"
            + " last_failure_at) VALUES (?, ?, 1, now())"
            + " ON CONFLICT (kind, subject_hash) DO UPDATE SET"
            + " failures = CASE WHEN t.last_failure_at < now() - make_interval(secs => ?) THEN 1"
            + " ELSE t.failures + 1 END, last_failure_at = now()"
            + " WHERE t.blocked_until IS NULL OR t.blocked_until <= now()"
            + " RETURNING failures";

    private static final String BLOCK = "UPDATE sign_in_throttle SET blocked_until = now() + make_interval(secs => ?)"
            + " WHERE kind = ? AND subject_hash = ?";

    private static final String REMAINING = "SELECT ceil(extract(epoch FROM blocked_until - clock_timestamp()))"
            + " FROM sign_in_throttle WHERE kind = ? AND subject_hash = ? AND blocked_until > now()";

    /** Takes back an admitted attempt; a block stays only while the failures before it still call for one. */
    private static final String TAKE_BACK = "UPDATE sign_in_throttle SET failures = failures - 1,"
            + " blocked_until = CASE WHEN failures - 1 >= ? THEN blocked_until END"
            + " WHERE kind = ? AND subject_hash = ? AND failures > 0";

    private static final String CLEAR = "DELETE FROM sign_in_throttle WHERE kind = ? AND subject_hash = ?";

    private static final String FORGET_OLD = "DELETE FROM sign_in_throttle"
            + " WHERE last_failure_at < now() - make_interval(secs => ?)"
            + " AND (blocked_until IS NULL OR blocked_until < now())";

    @Resource(lookup = "jdbc/todo")
    DataSource dataSource;

    @Inject
    @ConfigProperty(name = "LOGIN_FREE_FAILURES_PER_CLIENT", defaultValue = "20")
    int freeFailuresPerClient = 20;

    /**
     * Admits a sign-in attempt, counting it as a failure until {@link #succeeded} says otherwise, or says how long
     * the caller must wait first.
     */
    public Optional<Duration> admit(String email, String client) {
        return inLocalTransaction(connection -> {
            byte[] clientHash = hash(client);
            Optional<Duration> clientWait = count(connection, CLIENT, clientHash, freeFailuresPerClient);
            if (clientWait.isPresent()) {
                return clientWait;
            }
            Optional<Duration> accountWait = count(connection, ACCOUNT, accountHash(email), FREE_FAILURES_PER_ACCOUNT);
            if (accountWait.isPresent()) {
                takeBack(connection, clientHash);
            }
            if (ThreadLocalRandom.current().nextInt(100) == 0) {
                forgetOld(connection);
            }
            return accountWait;
        });
    }

    /** The attempt was right: the account starts again from no failures, and the client's count is taken back. */
    public void succeeded(String email, String client) {
        inLocalTransaction(connection -> {
            try (PreparedStatement clear = connection.prepareStatement(CLEAR)) {
                clear.setString(1, ACCOUNT);
                clear.setBytes(2, accountHash(email));
                clear.executeUpdate();
            }
            takeBack(connection, hash(client));
            return null;
        });
    }

    /** The wait after the failure that made {@code extraFailures} more than the free ones (0 for the first). */
    static Duration waitAfter(int extraFailures) {
        Duration wait = FIRST_WAIT.multipliedBy(1L << Math.min(Math.max(extraFailures, 0), 10));
        return wait.compareTo(LONGEST_WAIT) > 0 ? LONGEST_WAIT : wait;
    }

    private Optional<Duration> count(Connection connection, String kind, byte[] subject, int free) throws SQLException {
        Integer failures = null;
        try (PreparedStatement count = connection.prepareStatement(COUNT)) {
            count.setString(1, kind);
            count.setBytes(2, subject);
            count.setLong(3, FORGET_AFTER.toSeconds());
            try (ResultSet row = count.executeQuery()) {
                if (row.next()) {
                    failures = row.getInt(1);
                }
            }
        }
        if (failures == null) {
            return Optional.of(remaining(connection, kind, subject));
        }
        if (failures >= free) {
            try (PreparedStatement block = connection.prepareStatement(BLOCK)) {
                block.setLong(1, waitAfter(failures - free).toSeconds());
                block.setString(2, kind);
                block.setBytes(3, subject);
                block.executeUpdate();
            }
        }
        return Optional.empty();
    }

    private static Duration remaining(Connection connection, String kind, byte[] subject) throws SQLException {
        try (PreparedStatement remaining = connection.prepareStatement(REMAINING)) {
            remaining.setString(1, kind);
            remaining.setBytes(2, subject);
            try (ResultSet row = remaining.executeQuery()) {
                // The block may have ended between the two statements: then one second is an honest answer.
                long seconds = row.next() ? row.getLong(1) : 1;
                return Duration.ofSeconds(Math.max(1, seconds));
            }
        }
    }

    private void takeBack(Connection connection, byte[] clientHash) throws SQLException {
        try (PreparedStatement takeBack = connection.prepareStatement(TAKE_BACK)) {
            takeBack.setInt(1, freeFailuresPerClient);
            takeBack.setString(2, CLIENT);
            takeBack.setBytes(3, clientHash);
            takeBack.executeUpdate();
        }
    }

    private static void forgetOld(Connection connection) throws SQLException {
        try (PreparedStatement forget = connection.prepareStatement(FORGET_OLD)) {
            forget.setLong(1, FORGET_AFTER.toSeconds());
            forget.executeUpdate();
        }
    }

    private interface Work<T> {
        T run(Connection connection) throws SQLException;
    }

    private <T> T inLocalTransaction(Work<T> work) {
        try (Connection connection = dataSource.getConnection()) {
            connection.setAutoCommit(false);
            try {
                T result = work.run(connection);
                connection.commit();
                return result;
            } catch (SQLException | RuntimeException e) {
                connection.rollback();
                throw e;
            }
        } catch (SQLException e) {
            throw new SignInThrottleException(e);
        }
    }

    static byte[] accountHash(String email) {
        return hash(email == null ? "" : email.strip().toLowerCase(Locale.ROOT));
    }

    static byte[] hash(String value) {
        try {
            return MessageDigest.getInstance("SHA-256")
                    .digest((value == null ? "" : value).getBytes(StandardCharsets.UTF_8));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is not available", e);
        }
    }

    /** The counts could not be read or written; the cause says why (for the database-unavailable mapping). */
    static final class SignInThrottleException extends RuntimeException {
        private static final long serialVersionUID = 1L;

        SignInThrottleException(SQLException cause) {
            super("sign-in counts could not be updated", cause);
        }
    }
}
