package dev.todo.api.assistant;

import dev.todo.api.telemetry.DatabaseSpans;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import jakarta.persistence.PersistenceContext;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/** Conversations and their messages in PostgreSQL; every query is scoped to the owner. */
@ApplicationScoped
@DatabaseSpans
public class ConversationRepository {

    static final int MAX_LISTED = 200;

    @PersistenceContext(unitName = "todo")
    EntityManager em;

    public Optional<Conversation> findOwned(UUID owner, UUID id) {
        return em.createQuery(
                        "SELECT c FROM Conversation c WHERE c.id = :id AND c.ownerId = :owner", Conversation.class)
                .setParameter("id", id)
                .setParameter("owner", owner)
                .getResultStream()
                .findFirst();
    }

    /** Locks the conversation until the transaction ends, so that messages appended at once get distinct positions. */
    public Optional<Conversation> findOwnedForUpdate(UUID owner, UUID id) {
        return em.createQuery(
                        "SELECT c FROM Conversation c WHERE c.id = :id AND c.ownerId = :owner", Conversation.class)
                .setParameter("id", id)
                .setParameter("owner", owner)
                .setLockMode(LockModeType.PESSIMISTIC_WRITE)
                .getResultStream()
                .findFirst();
    }

    public List<Conversation> findAllOwned(UUID owner) {
        return em.createQuery(
                        "SELECT c FROM Conversation c WHERE c.ownerId = :owner ORDER BY c.updatedAt DESC, c.id",
                        Conversation.class)
                .setParameter("owner", owner)
                .setMaxResults(MAX_LISTED)
                .getResultList();
    }

    /** All of the owner's conversations, oldest first, however many: for exports. */
    public List<Conversation> findEveryOwned(UUID owner) {
        return em.createQuery(
                        "SELECT c FROM Conversation c WHERE c.ownerId = :owner ORDER BY c.createdAt, c.id",
                        Conversation.class)
                .setParameter("owner", owner)
                .getResultList();
    }

    public List<ConversationMessage> findMessages(UUID owner, UUID conversationId) {
        return em.createQuery(
                        "SELECT m FROM ConversationMessage m WHERE m.ownerId = :owner "
                                + "AND m.conversationId = :conversation ORDER BY m.position",
                        ConversationMessage.class)
                .setParameter("owner", owner)
                .setParameter("conversation", conversationId)
                .getResultList();
    }

    public int lastPosition(UUID owner, UUID conversationId) {
        Integer last = em.createQuery(
                        "SELECT MAX(m.position) FROM ConversationMessage m WHERE m.ownerId = :owner "
                                + "AND m.conversationId = :conversation",
                        Integer.class)
                .setParameter("owner", owner)
                .setParameter("conversation", conversationId)
                .getSingleResult();
        return last == null ? 0 : last;
    }

    public void add(Object entity) {
        em.persist(entity);
    }

    /** Removes the conversation; PostgreSQL removes its messages with it (ON DELETE CASCADE). */
    public void remove(Conversation conversation) {
        em.remove(conversation);
    }

    public void flush() {
        em.flush();
    }
}
