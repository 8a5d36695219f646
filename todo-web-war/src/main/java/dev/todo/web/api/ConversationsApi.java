package dev.todo.web.api;

import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.PATCH;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import java.util.List;

/** {@code /conversations}: the signed-in user's conversations with the assistant. */
@Path("conversations")
@Consumes(MediaType.APPLICATION_JSON)
@Produces(MediaType.APPLICATION_JSON)
public interface ConversationsApi {

    @GET
    List<ConversationSummary> list();

    @GET
    @Path("{id}")
    Conversation get(@PathParam("id") String id);

    @PATCH
    @Path("{id}")
    ConversationSummary rename(@PathParam("id") String id, TitleChange change);

    @DELETE
    @Path("{id}")
    void delete(@PathParam("id") String id);
}
