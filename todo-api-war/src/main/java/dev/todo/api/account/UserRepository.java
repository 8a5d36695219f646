package dev.todo.api.account;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.util.Optional;
import java.util.UUID;

@ApplicationScoped
public class UserRepository {

    @PersistenceContext(unitName = "todo")
    EntityManager em;

    public Optional<User> find(UUID id) {
        return Optional.ofNullable(em.find(User.class, id));
    }

    /** Emails are unique ignoring case (a unique index on lower(email)). */
    public Optional<User> findByEmail(String email) {
        return em.createQuery("SELECT u FROM User u WHERE LOWER(u.email) = LOWER(:email)", User.class)
                .setParameter("email", email)
                .getResultStream()
                .findFirst();
    }

    public void add(User user) {
        em.persist(user);
        em.flush();
    }

    /** Removes the account; its tasks go with it (ON DELETE CASCADE in the schema). */
    public void remove(User user) {
        em.remove(user);
        em.flush();
    }
}
