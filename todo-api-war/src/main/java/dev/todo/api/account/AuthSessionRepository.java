package dev.todo.api.account;

import dev.todo.api.database.DatabaseException;
import dev.todo.api.telemetry.DatabaseSpans;
import jakarta.annotation.Resource;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import javax.sql.DataSource;

@ApplicationScoped
@DatabaseSpans
public class AuthSessionRepository {

    private static final String OPEN = "SELECT kind, scope, last_used_at FROM auth_session WHERE id = ?"
            + " AND account_id = ? AND revoked_at IS NULL AND (expires_at IS NULL OR expires_at > now())";
    private static final String MARK_USED = "UPDATE auth_session SET last_used_at = now() WHERE id = ?"
            + " AND (last_used_at IS NULL OR last_used_at < now() - make_interval(secs => ?))";

    @PersistenceContext(unitName = "todo")
    EntityManager em;

    @Resource(lookup = "jdbc/todo")
    DataSource dataSource;

    public void add(AuthSession session) {
        em.persist(session);
        em.flush();
    }

    /** What the per-request look-up finds of an open session: its kind, its scope and when it was last used. */
    record Open(String kind, String scope, Instant lastUsedAt) {}

    /**
     * The session of the token with this id, if it is still good for this account: one look-up by primary key, which
     * is all a request costs, in plain JDBC outside any transaction. No row means signed out for good, or an account
     * that is gone (the rows go with it).
     */
    public Optional<Open> findOpen(UUID accountId, UUID sessionId) {
        try (Connection connection = dataSource.getConnection();
                PreparedStatement select = connection.prepareStatement(OPEN)) {
            select.setObject(1, sessionId);
            select.setObject(2, accountId);
            try (ResultSet row = select.executeQuery()) {
                if (!row.next()) {
                    return Optional.empty();
                }
                Timestamp lastUsed = row.getTimestamp(3);
                return Optional.of(
                        new Open(row.getString(1), row.getString(2), lastUsed == null ? null : lastUsed.toInstant()));
            }
        } catch (SQLException e) {
            throw new DatabaseException("could not check a session", e);
        }
    }

    /**
     * Records a use of the token now (the database's clock, the same for every replica) unless one less than
     * {@code precision} ago is recorded already: the condition keeps replicas that see the same token at once from
     * writing it twice, and the caller asks only when the time it read is older than that. Autocommitted, outside
     * any transaction, like the look-up.
     */
    public void markUsed(UUID sessionId, Duration precision) {
        try (Connection connection = dataSource.getConnection();
                PreparedStatement update = connection.prepareStatement(MARK_USED)) {
            update.setObject(1, sessionId);
            update.setLong(2, precision.toSeconds());
            update.executeUpdate();
        } catch (SQLException e) {
            throw new DatabaseException("could not record the use of a token", e);
        }
    }

    /** The account's personal access tokens, newest first, revoked and expired ones included. */
    public List<AuthSession> findPersonal(UUID accountId) {
        return em.createQuery(
                        "SELECT s FROM AuthSession s WHERE s.accountId = :account AND s.kind = :kind"
                                + " ORDER BY s.createdAt DESC, s.id",
                        AuthSession.class)
                .setParameter("account", accountId)
                .setParameter("kind", AuthSession.PERSONAL)
                .getResultList();
    }

    public long countOpenPersonal(UUID accountId, Instant now) {
        return em.createQuery(
                        "SELECT COUNT(s) FROM AuthSession s WHERE s.accountId = :account AND s.kind = :kind"
                                + " AND s.revokedAt IS NULL AND (s.expiresAt IS NULL OR s.expiresAt > :now)",
                        Long.class)
                .setParameter("account", accountId)
                .setParameter("kind", AuthSession.PERSONAL)
                .setParameter("now", now)
                .getSingleResult();
    }

    /** Removes one personal access token of the account; 1 if there was one, 0 if not. */
    public int removePersonal(UUID accountId, UUID id) {
        return em.createQuery(
                        "DELETE FROM AuthSession s WHERE s.id = :id AND s.accountId = :account AND s.kind = :kind")
                .setParameter("id", id)
                .setParameter("account", accountId)
                .setParameter("kind", AuthSession.PERSONAL)
                .executeUpdate();
    }

    public int revoke(UUID accountId, UUID sessionId, Instant now) {
        return em.createQuery("UPDATE AuthSession s SET s.revokedAt = :now"
                        + " WHERE s.id = :id AND s.accountId = :account AND s.revokedAt IS NULL")
                .setParameter("now", now)
                .setParameter("id", sessionId)
                .setParameter("account", accountId)
                .executeUpdate();
    }

    public int revokeAll(UUID accountId, Instant now) {
        return em.createQuery("UPDATE AuthSession s SET s.revokedAt = :now"
                        + " WHERE s.accountId = :account AND s.revokedAt IS NULL")
                .setParameter("now", now)
                .setParameter("account", accountId)
                .executeUpdate();
    }

    /**
     * Rows of sign-ins that have expired are no use to anyone, revoked or not: each sign-in clears its account's.
     * Expired personal access tokens stay listed, so that their owner sees why a script stopped, until removed.
     */
    public int removeExpired(UUID accountId, Instant now) {
        return em.createQuery("DELETE FROM AuthSession s WHERE s.accountId = :account AND s.kind = :kind"
                        + " AND s.expiresAt <= :now")
                .setParameter("account", accountId)
                .setParameter("kind", AuthSession.SIGN_IN)
                .setParameter("now", now)
                .executeUpdate();
    }
}
