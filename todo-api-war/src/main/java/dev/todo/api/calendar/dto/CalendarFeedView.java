package dev.todo.api.calendar.dto;

import java.net.URI;
import java.time.Instant;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** The account's calendar feed: where to subscribe, and in which time zone its times are. */
@Schema(name = "CalendarFeed", description = "The private calendar feed; anyone with the URL can read it")
public record CalendarFeedView(
        @Schema(description = "The feed's path under the API root, e.g. /calendar/<key>.ics")
        String path,

        @Schema(description = "The feed's URL as this request reached the API")
        URI url,

        @Schema(example = "Asia/Karachi") String timeZone,
        Instant createdAt,

        @Schema(description = "null: no calendar has fetched it yet; recorded to the minute")
        Instant lastFetchedAt) {}
