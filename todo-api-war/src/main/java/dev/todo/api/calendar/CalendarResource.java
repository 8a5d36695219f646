package dev.todo.api.calendar;

import dev.todo.api.calendar.dto.CalendarFeedView;
import dev.todo.api.json.JsonInput;
import dev.todo.api.problem.Problem;
import dev.todo.api.problem.ProblemException;
import dev.todo.api.security.CurrentUser;
import dev.todo.api.security.SignInOnly;
import dev.todo.api.security.SignedIn;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import java.time.DateTimeException;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.Set;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/**
 * {@code /api/calendar}: the private iCalendar feed of the signed-in user's due tasks. {@code /calendar/feed} is for
 * its owner (a signed-in session) to make, read, replace and turn off; {@code /calendar/<key>.ics} is what calendar
 * apps subscribe to, with the key as the only credential, as they cannot send a bearer token.
 */
@Path("calendar")
@RequestScoped
@Tag(name = "Calendar")
public class CalendarResource {

    static final String ICALENDAR = "text/calendar";

    @Inject
    CalendarFeedService feeds;

    @Inject
    CurrentUser user;

    @Context
    UriInfo uri;

    @GET
    @Path("feed")
    @SignedIn
    @SignInOnly
    @Produces(MediaType.APPLICATION_JSON)
    @SecurityRequirement(name = "bearer")
    @Operation(summary = "The calendar feed", description = "Its URL (shown again whenever asked) and time zone.")
    @APIResponse(
            responseCode = "200",
            description = "OK",
            content = @Content(schema = @Schema(implementation = CalendarFeedView.class)))
    @APIResponse(
            responseCode = "404",
            description = "The account has no feed",
            content = @Content(mediaType = Problem.MEDIA_TYPE))
    public CalendarFeedView get() {
        return feeds.find(user.id()).map(this::view).orElseThrow(() -> ProblemException.notFound("A calendar feed"));
    }

    @POST
    @Path("feed")
    @SignedIn
    @SignInOnly
    @Consumes({MediaType.APPLICATION_JSON, MediaType.WILDCARD})
    @Produces(MediaType.APPLICATION_JSON)
    @SecurityRequirement(name = "bearer")
    @Operation(
            summary = "Make a new calendar feed",
            description = "Body {\"timeZone\": \"Asia/Karachi\"} (IANA; UTC when left out). Replaces a feed the account"
                    + " had: its old URL stops working at once.")
    @APIResponse(
            responseCode = "201",
            description = "Created",
            content = @Content(schema = @Schema(implementation = CalendarFeedView.class)))
    @APIResponse(
            responseCode = "400",
            description = "Not an IANA time zone",
            content = @Content(mediaType = Problem.MEDIA_TYPE))
    public Response create(String body) {
        ZoneId zone = ZoneOffset.UTC;
        if (body != null && !body.isBlank()) {
            JsonInput input = JsonInput.of(body, Set.of("timeZone"));
            String name = input.string("timeZone");
            input.failIfInvalid();
            if (name != null) {
                zone = zone(name);
            }
        }
        CalendarFeedView view = view(feeds.replace(user.id(), zone));
        return Response.created(uri.getBaseUriBuilder().path("calendar/feed").build())
                .entity(view)
                .build();
    }

    @DELETE
    @Path("feed")
    @SignedIn
    @SignInOnly
    @SecurityRequirement(name = "bearer")
    @Operation(summary = "Turn the calendar feed off", description = "Its URL stops working at once.")
    @APIResponse(responseCode = "204", description = "Turned off")
    @APIResponse(
            responseCode = "404",
            description = "The account has no feed",
            content = @Content(mediaType = Problem.MEDIA_TYPE))
    public Response delete() {
        feeds.turnOff(user.id());
        return Response.noContent().build();
    }

    @GET
    @Path("{key}.ics")
    @Produces(ICALENDAR)
    @Operation(
            summary = "The feed itself (iCalendar)",
            description = "Open tasks with a due time as events in the feed's time zone, reminders as alarms, repeating"
                    + " tasks as RRULEs. The key in the URL is the only credential.")
    @APIResponse(responseCode = "200", description = "The calendar", content = @Content(mediaType = ICALENDAR))
    @APIResponse(
            responseCode = "404",
            description = "No feed has this URL (any more)",
            content = @Content(mediaType = Problem.MEDIA_TYPE))
    public Response feed(@PathParam("key") String key) {
        String calendar = feeds.calendar(key, uri.getBaseUri().getHost())
                .orElseThrow(() -> new ProblemException(Problem.of(
                        404,
                        "Not found",
                        "No calendar feed has this address: it was turned off or replaced by a new link. Copy the"
                                + " current address from your profile.")));
        return Response.ok(calendar, ICALENDAR + "; charset=utf-8")
                .header("Content-Disposition", "inline; filename=\"todo.ics\"")
                .header("Cache-Control", "private, max-age=300")
                .build();
    }

    private CalendarFeedView view(CalendarFeedService.Feed feed) {
        String path = "/calendar/" + feed.key() + ".ics";
        return new CalendarFeedView(
                path,
                uri.getBaseUriBuilder()
                        .path("calendar")
                        .path(feed.key() + ".ics")
                        .build(),
                feed.timeZone(),
                feed.createdAt(),
                feed.lastFetchedAt());
    }

    private static ZoneId zone(String name) {
        try {
            return ZoneId.of(name.strip());
        } catch (DateTimeException e) {
            throw ProblemException.invalid("timeZone", "must be an IANA time zone such as Asia/Karachi");
        }
    }
}
