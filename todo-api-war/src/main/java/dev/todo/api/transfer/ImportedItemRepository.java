package dev.todo.api.transfer;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.util.Collection;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;

@ApplicationScoped
public class ImportedItemRepository {

    private static final int CHUNK = 1000;

    @PersistenceContext(unitName = "todo")
    EntityManager em;

    /** Which of these source keys the owner has imported before (and still has what they became). */
    public Set<String> findImported(UUID owner, Collection<String> keys) {
        Set<String> found = new HashSet<>();
        List<String> all = List.copyOf(keys);
        for (int from = 0; from < all.size(); from += CHUNK) {
            found.addAll(em.createQuery(
                            "SELECT i.sourceKey FROM ImportedItem i WHERE i.ownerId = :owner AND i.sourceKey IN :keys",
                            String.class)
                    .setParameter("owner", owner)
                    .setParameter("keys", all.subList(from, Math.min(all.size(), from + CHUNK)))
                    .getResultList());
        }
        return found;
    }

    public void add(ImportedItem item) {
        em.persist(item);
    }

    public void flush() {
        em.flush();
    }
}
