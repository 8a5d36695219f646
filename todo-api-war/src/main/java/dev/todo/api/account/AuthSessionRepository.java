package dev.todo.api.account;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.time.Instant;
import java.util.UUID;

@ApplicationScoped
public class AuthSessionRepository {

    @PersistenceContext(unitName = "todo")
    EntityManager em;

    public void add(AuthSession session) {
        em.persist(session);
        em.flush();
    }

    /**
     * Whether the token with this id is still good for this account: one look-up by primary key, which is all a
     * request costs. No row means signed out for good, or an account that is gone (the rows go with it).
     */
    public boolean isActive(UUID accountId, UUID sessionId, Instant now) {
        return !em.createQuery(
                        "SELECT s.id FROM AuthSession s WHERE s.id = :id AND s.accountId = :account"
                                + " AND s.revokedAt IS NULL AND (s.expiresAt IS NULL OR s.expiresAt > :now)",
                        UUID.class)
                .setParameter("id", sessionId)
                .setParameter("account", accountId)
                .setParameter("now", now)
                .setMaxResults(1)
                .getResultList()
                .isEmpty();
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
