package dev.todo.api.database;

import dev.todo.api.problem.Problem;
import dev.todo.api.problem.ProblemException;
import jakarta.annotation.Resource;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.NotSupportedException;
import jakarta.transaction.RollbackException;
import jakarta.transaction.Status;
import jakarta.transaction.SystemException;
import jakarta.transaction.UserTransaction;
import java.util.function.Supplier;

/**
 * Runs work in a JTA transaction: commit on success, roll back on any exception. Services use this rather than
 * {@code @Transactional} because Liberty's interceptor records an FFDC incident for every exception that crosses
 * it, and here most exceptions are ordinary answers (404, 409) that must not fill the logs.
 */
@ApplicationScoped
public class Transactions {

    @Resource
    UserTransaction transaction;

    /**
     * Runs the work in a transaction of its own, or, when one is already running on this thread (an import that
     * adds many tasks as one change), as part of that one: a failure then marks it for rollback, so that nothing of
     * it is committed even if the caller catches the exception.
     */
    public <T> T inTransaction(Supplier<T> work) {
        if (active()) {
            try {
                return work.get();
            } catch (RuntimeException | Error e) {
                markForRollback();
                throw e;
            }
        }
        try {
            transaction.begin();
        } catch (NotSupportedException | SystemException e) {
            throw new IllegalStateException("could not begin a transaction", e);
        }
        T result;
        try {
            result = work.get();
        } catch (RuntimeException | Error e) {
            rollback();
            throw e;
        }
        try {
            transaction.commit();
            return result;
        } catch (RollbackException e) {
            if (DatabaseTrouble.isUnavailable(e)) {
                throw new IllegalStateException("could not commit: the database is unavailable", e);
            }
            throw new ProblemException(
                    Problem.of(409, "Conflict", "The change collided with another one; reload and try again."));
        } catch (Exception e) {
            rollback();
            throw new IllegalStateException("could not commit a transaction", e);
        }
    }

    public void inTransaction(Runnable work) {
        inTransaction(() -> {
            work.run();
            return null;
        });
    }

    private boolean active() {
        try {
            return transaction.getStatus() == Status.STATUS_ACTIVE;
        } catch (SystemException e) {
            throw new IllegalStateException("could not read the transaction status", e);
        }
    }

    private void markForRollback() {
        try {
            transaction.setRollbackOnly();
        } catch (SystemException | IllegalStateException e) {
            // The original failure is what matters to the caller.
        }
    }

    private void rollback() {
        try {
            if (transaction.getStatus() != Status.STATUS_NO_TRANSACTION) {
                transaction.rollback();
            }
        } catch (SystemException | IllegalStateException e) {
            // The original failure is what matters to the caller.
        }
    }
}
