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
import java.time.Instant;
import java.util.UUID;
import javax.sql.DataSource;

@ApplicationScoped
@DatabaseSpans
public class AuthSessionRepository {

    private static final String ACTIVE = "SELECT 1 FROM auth_session WHERE id = ? AND account_id = ?"
            + " AND revoked_at IS NULL AND (expires_at IS NULL OR expires_at > now())";

    @PersistenceContext(unitName = "todo")
    EntityManager em;

    @Resource(lookup = "jdbc/todo")
    DataSource dataSource;

    public void add(AuthSession session) {
        em.persist(session);
        em.flush();
    }

    /**
     * Whether the token with this id is still good for this account: one look-up by primary key, which is all a
     * request costs, in plain JDBC outside any transaction. No row means signed out for good, or an account that is
     * gone (the rows go with it).
     */
    public boolean isActive(UUID accountId, UUID sessionId) {
        try (Connection connection = dataSource.getConnection();
                PreparedStatement select = connection.prepareStatement(ACTIVE)) {
            select.setObject(1, sessionId);
            select.setObject(2, accountId);
            try (ResultSet row = select.executeQuery()) {
                return row.next();
            }
        } catch (SQLException e) {
            throw new DatabaseException("could not check a session", e);
        }
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

    /** Rows of tokens that have expired are no use to anyone, revoked or not: each sign-in clears its account's. */
    public int removeExpired(UUID accountId, Instant now) {
        return em.createQuery("DELETE FROM AuthSession s WHERE s.accountId = :account AND s.expiresAt <= :now")
                .setParameter("account", accountId)
                .setParameter("now", now)
                .executeUpdate();
    }
}
