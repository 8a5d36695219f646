package dev.todo.api.calendar;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.time.Instant;
import java.util.Optional;
import java.util.UUID;

@ApplicationScoped
public class CalendarFeedRepository {

    @PersistenceContext(unitName = "todo")
    EntityManager em;

    public Optional<CalendarFeed> findByAccount(UUID accountId) {
        return em.createQuery("SELECT f FROM CalendarFeed f WHERE f.accountId = :account", CalendarFeed.class)
                .setParameter("account", accountId)
                .getResultStream()
                .findFirst();
    }

    /** The feed a URL names: one look-up by primary key. */
    public Optional<CalendarFeed> find(UUID id) {
        return Optional.ofNullable(em.find(CalendarFeed.class, id));
    }

    public void add(CalendarFeed feed) {
        em.persist(feed);
        em.flush();
    }

    public int removeByAccount(UUID accountId) {
        return em.createQuery("DELETE FROM CalendarFeed f WHERE f.accountId = :account")
                .setParameter("account", accountId)
                .executeUpdate();
    }

    /** Records a fetch at most once a minute, as personal tokens record their use. */
    public int markFetched(UUID id, Instant now, Instant since) {
        return em.createQuery("UPDATE CalendarFeed f SET f.lastFetchedAt = :now"
                        + " WHERE f.id = :id AND (f.lastFetchedAt IS NULL OR f.lastFetchedAt < :since)")
                .setParameter("now", now)
                .setParameter("id", id)
                .setParameter("since", since)
                .executeUpdate();
    }
}
