package dev.todo.api.calendar;

import dev.todo.api.account.SessionsEnded;
import dev.todo.api.database.Transactions;
import dev.todo.api.problem.ProblemException;
import dev.todo.api.task.TaskService;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.temporal.ChronoUnit;
import java.util.Optional;
import java.util.UUID;

/**
 * The private calendar feed of each account: made, shown again, replaced or turned off by its owner, and read by
 * calendar apps with nothing but the key in its URL. "Sign out everywhere" and a password change turn it off, as
 * they end every other way into the account.
 */
@ApplicationScoped
public class CalendarFeedService {

    /** A feed shows at most this many tasks, the soonest first. */
    static final int MAX_EVENTS = 2000;

    static final Duration FETCH_PRECISION = Duration.ofMinutes(1);

    /** A feed and the key of its URL. */
    public record Feed(String key, String timeZone, Instant createdAt, Instant lastFetchedAt) {}

    @Inject
    CalendarFeedRepository feeds;

    @Inject
    FeedKeys keys;

    @Inject
    TaskService tasks;

    @Inject
    Transactions transactions;

    Clock clock = Clock.systemUTC();

    public Optional<Feed> find(UUID accountId) {
        return transactions.inTransaction(() -> feeds.findByAccount(accountId).map(this::feed));
    }

    /** A new feed in the given zone; a feed the account had is replaced, and its URL stops working. */
    public Feed replace(UUID accountId, ZoneId zone) {
        return transactions.inTransaction(() -> {
            feeds.removeByAccount(accountId);
            CalendarFeed feed = new CalendarFeed(accountId, zone.getId(), now());
            feeds.add(feed);
            return feed(feed);
        });
    }

    public void turnOff(UUID accountId) {
        transactions.inTransaction(() -> {
            if (feeds.removeByAccount(accountId) == 0) {
                throw ProblemException.notFound("A calendar feed");
            }
        });
    }

    void turnOffWhenSessionsEnd(@Observes SessionsEnded ended) {
        feeds.removeByAccount(ended.accountId());
    }

    /**
     * The calendar the key opens, or empty when it opens none (altered, turned off or replaced): the signature is
     * checked before the one look-up by primary key.
     */
    public Optional<String> calendar(String key, String uidDomain) {
        Optional<UUID> id = keys.feedOf(key);
        if (id.isEmpty()) {
            return Optional.empty();
        }
        return transactions.inTransaction(() -> feeds.find(id.get()).map(feed -> {
            Instant now = now();
            Instant since = now.minus(FETCH_PRECISION);
            if (feed.getLastFetchedAt() == null || feed.getLastFetchedAt().isBefore(since)) {
                feeds.markFetched(feed.getId(), now, since);
            }
            return FeedCalendar.render(
                    tasks.scheduled(feed.getAccountId(), MAX_EVENTS), ZoneId.of(feed.getTimeZone()), uidDomain, now);
        }));
    }

    private Feed feed(CalendarFeed feed) {
        return new Feed(keys.keyOf(feed.getId()), feed.getTimeZone(), feed.getCreatedAt(), feed.getLastFetchedAt());
    }

    private Instant now() {
        return clock.instant().truncatedTo(ChronoUnit.MICROS);
    }
}
