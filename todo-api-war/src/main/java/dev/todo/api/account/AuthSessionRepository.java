package dev.todo.api.account;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

@ApplicationScoped
public class AuthSessionRepository {

    @PersistenceContext(unitName = "todo")
    EntityManager em;

    public void add(AuthSession session) {
        em.persist(session);
        em.flush();
    }

    /** What the per-request look-up finds of an open session: its kind, its scope and when it was last used. */
    record Open(String kind, String scope, Instant lastUsedAt) {}

    /**
     * The session of the token with this id, if it is still good for this account: one look-up by primary key, which
     * is all a request costs. No row means signed out for good, or an account that is gone (the rows go with it).
     */
    public Optional<Open> findOpen(UUID accountId, UUID sessionId, Instant now) {
        return em
                .createQuery(
                        "SELECT s.kind, s.scope, s.lastUsedAt FROM AuthSession s WHERE s.id = :id"
                                + " AND s.accountId = :account AND s.revokedAt IS NULL"
                                + " AND (s.expiresAt IS NULL OR s.expiresAt > :now)",
                        Object[].class)
                .setParameter("id", sessionId)
                .setParameter("account", accountId)
                .setParameter("now", now)
                .setMaxResults(1)
                .getResultList()
                .stream()
                .findFirst()
                .map(row -> new Open((String) row[0], (String) row[1], (Instant) row[2]));
    }

    /**
     * Records a use of the token unless one at or after {@code since} is recorded already: the condition keeps
     * replicas that see the same token at once from writing it twice, and the caller asks only when the time it read
     * is older than that.
     */
    public int markUsed(UUID sessionId, Instant now, Instant since) {
        return em.createQuery("UPDATE AuthSession s SET s.lastUsedAt = :now"
                        + " WHERE s.id = :id AND (s.lastUsedAt IS NULL OR s.lastUsedAt < :since)")
                .setParameter("now", now)
                .setParameter("id", sessionId)
                .setParameter("since", since)
                .executeUpdate();
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
