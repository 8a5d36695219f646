package dev.todo.api.assistant;

import dev.todo.api.assistant.dto.ConversationSummary;
import dev.todo.api.assistant.dto.ConversationView;
import dev.todo.api.assistant.dto.TitleChange;
import dev.todo.api.json.JsonInput;
import dev.todo.api.json.RequestValidator;
import dev.todo.api.problem.Problem;
import dev.todo.api.security.CurrentUser;
import dev.todo.api.security.SignedIn;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.PATCH;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.RequestBody;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/** {@code /api/conversations}: the signed-in user's conversations with the assistant. */
@Path("conversations")
@RequestScoped
@SignedIn
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Assistant")
@SecurityRequirement(name = "bearer")
@APIResponse(responseCode = "401", description = "No valid token", content = @Content(mediaType = Problem.MEDIA_TYPE))
public class ConversationResource {

    @Inject
    ConversationService conversations;

    @Inject
    CurrentUser user;

    @Inject
    RequestValidator validator;

    @GET
    @Operation(summary = "List conversations", description = "Most recently active first.")
    @APIResponse(
            responseCode = "200",
            description = "OK",
            content = @Content(schema = @Schema(implementation = ConversationSummary.class, type = SchemaType.ARRAY)))
    public List<ConversationSummary> list() {
        return conversations.list(user.id());
    }

    @GET
    @Path("{id}")
    @Operation(summary = "Get a conversation with its messages in order")
    @APIResponse(
            responseCode = "200",
            description = "OK",
            content = @Content(schema = @Schema(implementation = ConversationView.class)))
    @APIResponse(
            responseCode = "404",
            description = "No such conversation",
            content = @Content(mediaType = Problem.MEDIA_TYPE))
    public ConversationView get(@PathParam("id") UUID id) {
        return conversations.get(user.id(), id);
    }

    @PATCH
    @Path("{id}")
    @Consumes({MediaType.APPLICATION_JSON, "application/merge-patch+json"})
    @Operation(
            summary = "Rename a conversation",
            description = "The conversation as GET returned it may be sent back changed: its read-only fields are "
                    + "ignored, but an id must be this conversation's.")
    @RequestBody(content = @Content(schema = @Schema(implementation = TitleChange.class)))
    @APIResponse(
            responseCode = "200",
            description = "OK",
            content = @Content(schema = @Schema(implementation = ConversationSummary.class)))
    @APIResponse(
            responseCode = "404",
            description = "No such conversation",
            content = @Content(mediaType = Problem.MEDIA_TYPE))
    public ConversationSummary rename(@PathParam("id") UUID id, String body) {
        JsonInput input = JsonInput.of(body, Set.of("title"), ConversationView.READ_ONLY, id);
        String title = input.string("title");
        TitleChange change = validator.valid(input, new TitleChange(title == null ? null : title.strip()));
        return conversations.rename(user.id(), id, change.title());
    }

    @DELETE
    @Path("{id}")
    @Operation(summary = "Delete a conversation and all its messages")
    @APIResponse(responseCode = "204", description = "Deleted")
    @APIResponse(
            responseCode = "404",
            description = "No such conversation",
            content = @Content(mediaType = Problem.MEDIA_TYPE))
    public Response delete(@PathParam("id") UUID id) {
        conversations.delete(user.id(), id);
        return Response.noContent().build();
    }
}
