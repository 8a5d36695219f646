package dev.todo.web.api;

import java.time.Instant;

/** The private calendar feed: its path under the API, its time zone and when a calendar last fetched it. */
public record CalendarFeed(String path, String url, String timeZone, Instant createdAt, Instant lastFetchedAt) {}
