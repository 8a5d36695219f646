package dev.todo.api.task;

import dev.todo.api.database.DatabaseException;
import dev.todo.api.task.dto.TaskView;
import dev.todo.api.telemetry.DatabaseSpans;
import jakarta.annotation.Resource;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.FlushModeType;
import jakarta.persistence.LockModeType;
import jakarta.persistence.PersistenceContext;
import java.sql.Array;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.time.temporal.TemporalAdjusters;
import java.util.ArrayList;
import java.util.Collection;
import java.util.EnumMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import javax.sql.DataSource;

/** Tasks in PostgreSQL. Every query takes the owner and filters by it: there is no way to ask for "any" task. */
@ApplicationScoped
@DatabaseSpans
public class TaskRepository {

    /** EclipseLink's query hints (QueryHints.READ_ONLY, BATCH, BATCH_TYPE), named to keep the code on the JPA API. */
    private static final String READ_ONLY = "eclipselink.read-only";

    private static final String BATCH = "eclipselink.batch";
    private static final String BATCH_TYPE = "eclipselink.batch.type";

    private static final String INSERT = "WITH added AS (INSERT INTO task (id, owner_id, title, description, priority,"
            + " priority_rank, category, due_at, remind_at, recurrence, completed, created_at, updated_at, version,"
            + " tags) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, false, ?, ?, 1, ARRAY(SELECT unnest(?::varchar[]) ORDER BY 1)))"
            + " INSERT INTO task_tag (task_id, tag) SELECT ?, unnest(?::varchar[])";

    @PersistenceContext(unitName = "todo")
    EntityManager em;

    @Resource(lookup = "jdbc/todo")
    DataSource dataSource;

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

    /**
     * Writes a new task and its tags in one statement (the tags' insert a second data-modifying CTE), outside any JTA
     * transaction: one statement is atomic by itself, and persisting through EclipseLink's unit of work took the
     * better part of a create request. The task's copy of its tags is written sorted as the database sorts them, so the
     * trigger that keeps the copy finds it right and writes the row only once.
     */
    public void insert(Task task) {
        try (Connection connection = dataSource.getConnection();
                PreparedStatement insert = connection.prepareStatement(INSERT)) {
            int i = 0;
            insert.setObject(++i, task.getId());
            insert.setObject(++i, task.getOwnerId());
            insert.setString(++i, task.getTitle());
            insert.setString(++i, task.getDescription());
            insert.setString(++i, task.getPriority().name());
            insert.setInt(++i, task.getPriority().rank());
            insert.setString(++i, task.getCategory().name());
            insert.setObject(++i, timestamp(task.getDueAt()));
            insert.setObject(++i, timestamp(task.getRemindAt()));
            insert.setString(++i, task.getRecurrence().name());
            insert.setObject(++i, timestamp(task.getCreatedAt()));
            insert.setObject(++i, timestamp(task.getUpdatedAt()));
            Array tags = connection.createArrayOf("varchar", task.getTags().toArray());
            insert.setArray(++i, tags);
            insert.setObject(++i, task.getId());
            insert.setArray(++i, tags);
            insert.executeUpdate();
        } catch (SQLException e) {
            throw new DatabaseException("could not add a task", e);
        }
        task.inserted();
    }

    private static OffsetDateTime timestamp(Instant instant) {
        return instant == null ? null : instant.atOffset(ZoneOffset.UTC);
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
     * A page of tasks to show, with their tags and the number of all matching tasks, in one statement: the total is a
     * window count over every match, and the tags are the copy on the task's row (migration V6), which spares a lookup
     * in {@code task_tag} for every row of the page. One query level: with the page cut in a subquery and sorted again
     * outside, planning and running it took twice as long (perf/HISTORY.md). Plain JDBC outside any transaction: a
     * page is only read, and building entities in a unit of work for it cost more than the query. A page past the end
     * has no row to carry the total, so then a count asks.
     *
     * <p>The limit and offset are written into the statement (they are numbers, never text from the request): with
     * them as parameters PostgreSQL's generic plan assumes a tenth of the table is fetched, always loses to a custom
     * plan, and every call was planned anew (0.08 ms, a third of the database's time for a list of 20). With them in
     * the text, the generic plan costs no more than a custom one and is kept after the fifth call on a connection.
     */
    public Page page(UUID owner, TaskQuery query, Instant now) {
        SqlFilter filter = SqlFilter.of(owner, query, now);
        String sql = "SELECT " + PAGE_COLUMNS + ", count(*) OVER () AS total FROM task t WHERE " + filter.where()
                + " ORDER BY " + sqlOrder(query) + " LIMIT " + query.size() + " OFFSET "
                + (long) query.page() * query.size();
        List<TaskView> items = new ArrayList<>(query.size());
        long total = 0;
        try (Connection connection = dataSource.getConnection();
                PreparedStatement select = connection.prepareStatement(sql)) {
            filter.bind(select);
            try (ResultSet rows = select.executeQuery()) {
                while (rows.next()) {
                    items.add(view(rows));
                    total = rows.getLong(TOTAL_COLUMN);
                }
            }
            if (items.isEmpty() && query.page() > 0) {
                total = count(connection, filter);
            }
        } catch (SQLException e) {
            throw new DatabaseException("could not list tasks", e);
        }
        return new Page(items, total);
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

    /** One page of views and the number of all tasks that match the query. */
    public record Page(List<TaskView> items, long total) {}

    private static long count(Connection connection, SqlFilter filter) throws SQLException {
        try (PreparedStatement count =
                connection.prepareStatement("SELECT count(*) FROM task t WHERE " + filter.where())) {
            filter.bind(count);
            try (ResultSet row = count.executeQuery()) {
                row.next();
                return row.getLong(1);
            }
        }
    }

    /** Read by {@link #view} by position, in this order: looking each value up by name took 3% of a list of 100. */
    private static final String PAGE_COLUMNS = "t.id, t.title, t.description, t.priority, t.category, t.tags,"
            + " t.due_at, t.remind_at, t.recurrence, t.completed, t.completed_at, t.created_at, t.updated_at, t.version";

    private static final int TOTAL_COLUMN = 15;

    private static TaskView view(ResultSet row) throws SQLException {
        return new TaskView(
                row.getObject(1, UUID.class),
                row.getString(2),
                row.getString(3),
                Priority.valueOf(row.getString(4)),
                Category.valueOf(row.getString(5)),
                List.of((String[]) row.getArray(6).getArray()),
                instant(row, 7),
                instant(row, 8),
                Recurrence.valueOf(row.getString(9)),
                row.getBoolean(10),
                instant(row, 11),
                instant(row, 12),
                instant(row, 13),
                row.getLong(14));
    }

    private static Instant instant(ResultSet row, int column) throws SQLException {
        OffsetDateTime value = row.getObject(column, OffsetDateTime.class);
        return value == null ? null : value.toInstant();
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

    /** The WHERE clause of a list query, always starting with the owner, and the values of its placeholders. */
    private record SqlFilter(String where, List<Object> values) {

        static SqlFilter of(UUID owner, TaskQuery query, Instant now) {
            StringBuilder where = new StringBuilder("t.owner_id = ?");
            List<Object> values = new ArrayList<>();
            values.add(owner);
            switch (query.status()) {
                case OPEN -> where.append(" AND t.completed = false");
                case COMPLETED -> where.append(" AND t.completed = true");
                case ALL -> {}
            }
            if (query.priority() != null) {
                where.append(" AND t.priority = ?");
                values.add(query.priority().name());
            }
            if (query.category() != null) {
                where.append(" AND t.category = ?");
                values.add(query.category().name());
            }
            if (query.tag() != null) {
                where.append(" AND EXISTS (SELECT 1 FROM task_tag g WHERE g.task_id = t.id AND g.tag = ?)");
                values.add(query.tag());
            }
            if (query.due() != null) {
                DueWindows windows = DueWindows.at(now, query.zone());
                switch (query.due()) {
                    case OVERDUE -> {
                        where.append(" AND t.completed = false AND t.due_at < ?");
                        values.add(timestamp(now));
                    }
                    case TODAY -> {
                        where.append(" AND t.due_at >= ? AND t.due_at < ?");
                        values.add(timestamp(windows.todayStart()));
                        values.add(timestamp(windows.tomorrowStart()));
                    }
                    case WEEK -> {
                        where.append(" AND t.due_at >= ? AND t.due_at < ?");
                        values.add(timestamp(windows.weekStart()));
                        values.add(timestamp(windows.nextWeekStart()));
                    }
                    case NONE -> where.append(" AND t.due_at IS NULL");
                }
            }
            if (query.reminder() == TaskQuery.Reminder.DUE) {
                // Served by the partial index task_reminders_due (V3).
                where.append(" AND t.completed = false AND t.remind_at <= ?");
                values.add(timestamp(now));
            }
            if (query.text() != null) {
                // Matches the trigram indexes on lower(title) and lower(description).
                String pattern = "%" + escapeLike(query.text().toLowerCase(Locale.ROOT)) + "%";
                where.append(" AND (lower(t.title) LIKE ? ESCAPE '\\' OR lower(t.description) LIKE ? ESCAPE '\\')");
                values.add(pattern);
                values.add(pattern);
            }
            return new SqlFilter(where.toString(), values);
        }

        /** Sets the placeholders from the first one. */
        void bind(PreparedStatement statement) throws SQLException {
            for (int i = 0; i < values.size(); i++) {
                statement.setObject(i + 1, values.get(i));
            }
        }
    }

    private static String sqlOrder(TaskQuery query) {
        String direction = query.ascending() ? "ASC" : "DESC";
        String primary = switch (query.sort()) {
            case CREATED_AT -> "t.created_at " + direction;
            // Tasks without a due date come last in either direction.
            case DUE_AT -> "t.due_at IS NULL, t.due_at " + direction;
            case PRIORITY -> "t.priority_rank " + direction;
            case TITLE -> "lower(t.title) " + direction;
        };
        return primary + ", t.created_at DESC, t.id";
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
