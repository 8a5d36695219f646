package dev.todo.api.calendar;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.UUID;

/** The private calendar feed of one account; its URL is made from the id (see {@link FeedKeys}). */
@Entity
@Table(name = "calendar_feed")
public class CalendarFeed {

    @Id
    private UUID id;

    @Column(name = "account_id", nullable = false, updatable = false)
    private UUID accountId;

    @Column(name = "time_zone", nullable = false)
    private String timeZone;

    @Column(name = "created_at", nullable = false, updatable = false)
    private Instant createdAt;

    @Column(name = "last_fetched_at")
    private Instant lastFetchedAt;

    protected CalendarFeed() {}

    CalendarFeed(UUID accountId, String timeZone, Instant now) {
        this.id = UUID.randomUUID();
        this.accountId = accountId;
        this.timeZone = timeZone;
        this.createdAt = now;
    }

    UUID getId() {
        return id;
    }

    UUID getAccountId() {
        return accountId;
    }

    String getTimeZone() {
        return timeZone;
    }

    Instant getCreatedAt() {
        return createdAt;
    }

    Instant getLastFetchedAt() {
        return lastFetchedAt;
    }
}
