package dev.todo.api.database;

import static org.assertj.core.api.Assertions.assertThat;

import jakarta.persistence.PersistenceException;
import jakarta.persistence.QueryTimeoutException;
import java.net.ConnectException;
import java.sql.SQLException;
import java.sql.SQLTransientConnectionException;
import org.junit.jupiter.api.Test;

class DatabaseTroubleTest {

    /** As JPA hands a driver failure on: wrapped twice. */
    private static RuntimeException wrapped(Throwable driverFailure) {
        return new PersistenceException("Exception [EclipseLink-4002]", new RuntimeException(driverFailure));
    }

    private static SQLException state(String sqlState) {
        return new SQLException("FATAL: something", sqlState);
    }

    @Test
    void startingUpIsUnavailable() {
        assertThat(DatabaseTrouble.describe(wrapped(state("57P03")))).hasValue("PostgreSQL is starting up");
    }

    @Test
    void shuttingDownOrCrashedIsUnavailable() {
        assertThat(DatabaseTrouble.isUnavailable(wrapped(state("57P01")))).isTrue();
        assertThat(DatabaseTrouble.isUnavailable(wrapped(state("57P02")))).isTrue();
    }

    @Test
    void tooManyConnectionsIsUnavailable() {
        assertThat(DatabaseTrouble.describe(wrapped(state("53300"))))
                .hasValue("PostgreSQL has no free connection slots");
    }

    @Test
    void connectionFailuresAndTimeOutsAreUnavailable() {
        assertThat(DatabaseTrouble.isUnavailable(wrapped(state("08006")))).isTrue();
        assertThat(DatabaseTrouble.isUnavailable(wrapped(new SQLTransientConnectionException("pool wait"))))
                .isTrue();
        assertThat(DatabaseTrouble.isUnavailable(wrapped(new ConnectException("refused"))))
                .isTrue();
        assertThat(DatabaseTrouble.isUnavailable(wrapped(state("57014")))).isTrue();
        assertThat(DatabaseTrouble.isUnavailable(new QueryTimeoutException("slow")))
                .isTrue();
    }

    @Test
    void theStateInsideAPoolsConnectionExceptionIsWhatIsReported() {
        SQLTransientConnectionException pool =
                new SQLTransientConnectionException("no connection", null, state("53300"));

        assertThat(DatabaseTrouble.describe(pool)).hasValue("PostgreSQL has no free connection slots");
    }

    @Test
    void aConstraintViolationOrAProgrammingErrorIsNot() {
        assertThat(DatabaseTrouble.isUnavailable(wrapped(state("23505")))).isFalse();
        assertThat(DatabaseTrouble.isUnavailable(wrapped(state("42P01")))).isFalse();
        assertThat(DatabaseTrouble.isUnavailable(new IllegalStateException("bug")))
                .isFalse();
    }
}
