package dev.todo.api.task;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.FlushModeType;
import jakarta.persistence.LockModeType;
import jakarta.persistence.PersistenceContext;
import jakarta.persistence.TypedQuery;
import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.time.temporal.TemporalAdjusters;
import java.util.Collection;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

/** Tasks in PostgreSQL. Every query takes the owner and filters by it: there is no way to ask for "any" task. */
@ApplicationScoped
public class TaskRepository {

    /** EclipseLink's query hints (QueryHints.READ_ONLY, BATCH, BATCH_TYPE), named to keep the code on the JPA API. */
    private static final String READ_ONLY = "eclipselink.read-only";

    private static final String BATCH = "eclipselink.batch";
    private static final String BATCH_TYPE = "eclipselink.batch.type";

    @PersistenceContext(unitName = "todo")
    EntityManager em;

    public Optional<Task> findOwned(UUID owner, UUID id) {
        return em.createQuery("SELECT t FROM Task t WHERE t.id = :id AND t.ownerId = :owner", Task.class)
                .setParameter("id", id)
                .setParameter("owner", owner)
                .getResultStream()
                .findFirst();
    }

    /** Like {@link #findOwned} but locks the row until the transaction ends, so that competing changes queue up. */
    public Optional<Task> findOwnedForUpdate(UUID owner, UUID id) {
        return em.createQuery("SELECT t FROM Task t WHERE t.id = :id AND t.ownerId = :owner", Task.class)
                .setParameter("id", id)
                .setParameter("owner", owner)
                .setLockMode(LockModeType.PESSIMISTIC_WRITE)
                .getResultStream()
                .findFirst();
    }

    public void add(Task task) {
        em.persist(task);
    }

    public void remove(Task task) {
        em.remove(task);
    }

    public void flush() {
        em.flush();
    }

    /**
     * A page of tasks to show, not to change: read-only, so EclipseLink neither copies each row into the unit of work
     * nor compares the copies at commit (a sixth of a list request's time), and no flush precedes the query. The
     * page's tags come in one query ({@code task_id IN (...)}) instead of one query per task.
     */
    public List<Task> find(UUID owner, TaskQuery query, Instant now) {
        Filter filter = filter(owner, query, now);
        TypedQuery<Task> select = em.createQuery(
                        "SELECT t FROM Task t WHERE " + filter.where + " ORDER BY " + order(query), Task.class)
                .setHint(READ_ONLY, "true")
                .setHint(BATCH, "t.tags")
                .setHint(BATCH_TYPE, "IN")
                .setFlushMode(FlushModeType.COMMIT);
        filter.parameters.forEach(select::setParameter);
        return select.setFirstResult(query.page() * query.size())
                .setMaxResults(query.size())
                .getResultList();
    }

    /** Every task of the owner, oldest first, read-only, tags in batches: for exports. */
    public List<Task> findAll(UUID owner) {
        return em.createQuery("SELECT t FROM Task t WHERE t.ownerId = :owner ORDER BY t.createdAt, t.id", Task.class)
                .setParameter("owner", owner)
                .setHint(READ_ONLY, "true")
                .setHint(BATCH, "t.tags")
                .setHint(BATCH_TYPE, "IN")
                .setFlushMode(FlushModeType.COMMIT)
                .getResultList();
    }

    /** The owner's open tasks that have a due or a reminder time, soonest first: what a calendar shows. */
    public List<Task> findScheduled(UUID owner, int limit) {
        return em.createQuery(
                        "SELECT t FROM Task t WHERE t.ownerId = :owner AND t.completed = false"
                                + " AND (t.dueAt IS NOT NULL OR t.remindAt IS NOT NULL)"
                                + " ORDER BY COALESCE(t.dueAt, t.remindAt), t.id",
                        Task.class)
                .setParameter("owner", owner)
                .setHint(READ_ONLY, "true")
                .setHint(BATCH, "t.tags")
                .setHint(BATCH_TYPE, "IN")
                .setFlushMode(FlushModeType.COMMIT)
                .setMaxResults(limit)
                .getResultList();
    }

    /** Which of these ids are tasks of the owner. */
    public List<UUID> findOwnedIds(UUID owner, Collection<UUID> ids) {
        if (ids.isEmpty()) {
            return List.of();
        }
        return em.createQuery("SELECT t.id FROM Task t WHERE t.ownerId = :owner AND t.id IN :ids", UUID.class)
                .setParameter("owner", owner)
                .setParameter("ids", ids)
                .getResultList();
    }

    public long count(UUID owner, TaskQuery query, Instant now) {
        Filter filter = filter(owner, query, now);
        TypedQuery<Long> count = em.createQuery("SELECT COUNT(t) FROM Task t WHERE " + filter.where, Long.class)
                .setFlushMode(FlushModeType.COMMIT);
        filter.parameters.forEach(count::setParameter);
        return count.getSingleResult();
    }

    /** The counts of the stats endpoint in one pass over the owner's rows. */
    public Counts counts(UUID owner, Instant now, Instant todayStart, Instant tomorrowStart) {
        Object[] row = em.createQuery(
                        "SELECT COUNT(t), "
                                + "SUM(CASE WHEN t.completed = true THEN 1 ELSE 0 END), "
                                + "SUM(CASE WHEN t.completed = false AND t.dueAt < :now THEN 1 ELSE 0 END), "
                                + "SUM(CASE WHEN t.completed = false AND t.dueAt >= :from AND t.dueAt < :until THEN 1 ELSE 0 END) "
                                + "FROM Task t WHERE t.ownerId = :owner",
                        Object[].class)
                .setParameter("owner", owner)
                .setParameter("now", now)
                .setParameter("from", todayStart)
                .setParameter("until", tomorrowStart)
                .setFlushMode(FlushModeType.COMMIT)
                .getSingleResult();
        return new Counts(number(row[0]), number(row[1]), number(row[2]), number(row[3]));
    }

    /** Open tasks per priority and per category, every value present (zero when none), from one grouped query. */
    public OpenBreakdown openBreakdown(UUID owner) {
        Map<Priority, Long> byPriority = zeros(Priority.class);
        Map<Category, Long> byCategory = zeros(Category.class);
        em.createQuery(
                        "SELECT t.priority, t.category, COUNT(t) FROM Task t WHERE t.ownerId = :owner "
                                + "AND t.completed = false GROUP BY t.priority, t.category",
                        Object[].class)
                .setParameter("owner", owner)
                .setFlushMode(FlushModeType.COMMIT)
                .getResultList()
                .forEach(row -> {
                    byPriority.merge((Priority) row[0], (Long) row[2], Long::sum);
                    byCategory.merge((Category) row[1], (Long) row[2], Long::sum);
                });
        return new OpenBreakdown(byPriority, byCategory);
    }

    public record Counts(long total, long completed, long overdue, long dueToday) {}

    public record OpenBreakdown(Map<Priority, Long> byPriority, Map<Category, Long> byCategory) {}

    /** SUM over no rows is null in SQL. */
    private static long number(Object value) {
        return value == null ? 0 : ((Number) value).longValue();
    }

    private static <E extends Enum<E>> Map<E, Long> zeros(Class<E> type) {
        Map<E, Long> counts = new EnumMap<>(type);
        for (E value : type.getEnumConstants()) {
            counts.put(value, 0L);
        }
        return counts;
    }

    private record Filter(String where, Map<String, Object> parameters) {}

    private static Filter filter(UUID owner, TaskQuery query, Instant now) {
        StringBuilder where = new StringBuilder("t.ownerId = :owner");
        Map<String, Object> parameters = new HashMap<>();
        parameters.put("owner", owner);
        switch (query.status()) {
            case OPEN -> where.append(" AND t.completed = false");
            case COMPLETED -> where.append(" AND t.completed = true");
            case ALL -> {}
        }
        if (query.priority() != null) {
            where.append(" AND t.priority = :priority");
            parameters.put("priority", query.priority());
        }
        if (query.category() != null) {
            where.append(" AND t.category = :category");
            parameters.put("category", query.category());
        }
        if (query.tag() != null) {
            where.append(" AND :tag MEMBER OF t.tags");
            parameters.put("tag", query.tag());
        }
        if (query.due() != null) {
            DueWindows windows = DueWindows.at(now, query.zone());
            switch (query.due()) {
                case OVERDUE -> {
                    where.append(" AND t.completed = false AND t.dueAt < :now");
                    parameters.put("now", now);
                }
                case TODAY -> {
                    where.append(" AND t.dueAt >= :from AND t.dueAt < :until");
                    parameters.put("from", windows.todayStart());
                    parameters.put("until", windows.tomorrowStart());
                }
                case WEEK -> {
                    where.append(" AND t.dueAt >= :from AND t.dueAt < :until");
                    parameters.put("from", windows.weekStart());
                    parameters.put("until", windows.nextWeekStart());
                }
                case NONE -> where.append(" AND t.dueAt IS NULL");
            }
        }
        if (query.reminder() == TaskQuery.Reminder.DUE) {
            // Served by the partial index task_reminders_due (V3).
            where.append(" AND t.completed = false AND t.remindAt <= :remindBy");
            parameters.put("remindBy", now);
        }
        if (query.text() != null) {
            // Matches the trigram indexes on lower(title) and lower(description).
            where.append(" AND (LOWER(t.title) LIKE :text ESCAPE '\\' OR LOWER(t.description) LIKE :text ESCAPE '\\')");
            parameters.put("text", "%" + escapeLike(query.text().toLowerCase(Locale.ROOT)) + "%");
        }
        return new Filter(where.toString(), parameters);
    }

    private static String order(TaskQuery query) {
        String direction = query.ascending() ? "ASC" : "DESC";
        String primary = switch (query.sort()) {
            case CREATED_AT -> "t.createdAt " + direction;
            // Tasks without a due date come last in either direction.
            case DUE_AT -> "CASE WHEN t.dueAt IS NULL THEN 1 ELSE 0 END, t.dueAt " + direction;
            case PRIORITY -> "t.priorityRank " + direction;
            case TITLE -> "LOWER(t.title) " + direction;
        };
        return primary + ", t.createdAt DESC, t.id";
    }

    private static String escapeLike(String text) {
        return text.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_");
    }

    /** Day and week boundaries in the caller's time zone; weeks start on Monday. */
    record DueWindows(Instant todayStart, Instant tomorrowStart, Instant weekStart, Instant nextWeekStart) {
        static DueWindows at(Instant now, ZoneId zone) {
            LocalDate today = now.atZone(zone).toLocalDate();
            ZonedDateTime todayStart = today.atStartOfDay(zone);
            ZonedDateTime weekStart = today.with(TemporalAdjusters.previousOrSame(DayOfWeek.MONDAY))
                    .atStartOfDay(zone);
            return new DueWindows(
                    todayStart.toInstant(),
                    today.plusDays(1).atStartOfDay(zone).toInstant(),
                    weekStart.toInstant(),
                    weekStart.plusWeeks(1).toInstant());
        }
    }
}
