package dev.todo.web.api;

import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;

/** {@code /calendar/feed}: the signed-in user's private calendar feed (404 while there is none). */
@Path("calendar/feed")
@Consumes(MediaType.APPLICATION_JSON)
@Produces(MediaType.APPLICATION_JSON)
public interface CalendarApi {

    @GET
    CalendarFeed get();

    /** A new feed in the zone; one the user had stops working. */
    @POST
    CalendarFeed create(NewCalendarFeed feed);

    @DELETE
    void turnOff();
}
