package dev.todo.api.database;

import jakarta.persistence.LockTimeoutException;
import jakarta.persistence.QueryTimeoutException;
import java.net.ConnectException;
import java.net.SocketTimeoutException;
import java.sql.SQLException;
import java.sql.SQLNonTransientConnectionException;
import java.sql.SQLTimeoutException;
import java.sql.SQLTransientConnectionException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * Tells a failure of the database itself (a client should try again shortly: 503 with Retry-After) from everything
 * else, by looking through the whole cause chain, since JPA, the pool and JTA each wrap what the driver threw.
 *
 * <p>Unavailable means: no connection (SQLSTATE class 08, the JDBC connection exceptions, a refused or timed-out
 * socket), PostgreSQL starting up (57P03), shutting down or restarted under us (57P01, 57P02), out of connection
 * slots (53300), or a statement, lock or pool wait that timed out (57014, 55P03, the timeout exceptions).
 */
public final class DatabaseTrouble {

    /** How long a client should wait before trying again. */
    public static final int RETRY_AFTER_SECONDS = 5;

    private static final Set<String> UNAVAILABLE_STATES = Set.of("57P01", "57P02", "57P03", "53300", "57014", "55P03");

    private DatabaseTrouble() {}

    public static boolean isUnavailable(Throwable failure) {
        return describe(failure).isPresent();
    }

    /**
     * What is wrong with the database in a few plain words, if the failure is the database's. A SQLSTATE anywhere in
     * the chain says more than the exception classes around it (the pool wraps a refused connection in its own).
     */
    public static Optional<String> describe(Throwable failure) {
        List<Throwable> chain = chain(failure);
        for (Throwable cause : chain) {
            if (cause instanceof SQLException sql && sql.getSQLState() != null) {
                Optional<String> byState = describeState(sql.getSQLState());
                if (byState.isPresent()) {
                    return byState;
                }
            }
        }
        for (Throwable cause : chain) {
            Optional<String> byClass = describeClass(cause);
            if (byClass.isPresent()) {
                return byClass;
            }
        }
        return Optional.empty();
    }

    private static List<Throwable> chain(Throwable failure) {
        List<Throwable> chain = new ArrayList<>();
        for (Throwable cause = failure; cause != null && chain.size() < 50 && !chain.contains(cause); ) {
            chain.add(cause);
            cause = cause.getCause();
        }
        return chain;
    }

    private static Optional<String> describeClass(Throwable cause) {
        if (cause instanceof SQLTimeoutException
                || cause instanceof QueryTimeoutException
                || cause instanceof LockTimeoutException
                || cause instanceof SocketTimeoutException) {
            return Optional.of("PostgreSQL did not answer in time");
        }
        if (cause instanceof SQLTransientConnectionException
                || cause instanceof SQLNonTransientConnectionException
                || cause instanceof ConnectException) {
            return Optional.of("PostgreSQL is unreachable");
        }
        return Optional.empty();
    }

    static Optional<String> describeState(String state) {
        if (state.startsWith("08")) {
            return Optional.of("PostgreSQL is unreachable");
        }
        if (!UNAVAILABLE_STATES.contains(state)) {
            return Optional.empty();
        }
        return Optional.of(
                switch (state) {
                    case "57P03" -> "PostgreSQL is starting up";
                    case "57P01", "57P02" -> "PostgreSQL is shutting down or restarting";
                    case "53300" -> "PostgreSQL has no free connection slots";
                    default -> "PostgreSQL did not answer in time";
                });
    }
}
