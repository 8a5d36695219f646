package dev.todo.api.assistant;

import static dev.todo.api.json.SharedJsonProvider.JSON;

import dev.todo.api.assistant.dto.ChatReply;
import dev.todo.api.assistant.dto.ChatRequest;
import dev.todo.api.assistant.dto.ToolCallView;
import dev.todo.api.json.JsonInput;
import dev.todo.api.json.RequestValidator;
import dev.todo.api.problem.Problem;
import dev.todo.api.problem.ProblemException;
import dev.todo.api.security.CurrentUser;
import dev.todo.api.security.ReadScopeAllowed;
import dev.todo.api.security.SignedIn;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.sse.Sse;
import jakarta.ws.rs.sse.SseEventSink;
import java.io.IOException;
import java.util.UUID;
import java.util.concurrent.CompletionException;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.RequestBody;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/**
 * {@code /api/chat}: talk to the assistant, in one answer or streamed as server-sent events. A {@code read} token may
 * chat too; the assistant then has only the tools that read.
 */
@Path("chat")
@RequestScoped
@SignedIn
@ReadScopeAllowed
@Tag(name = "Assistant")
@SecurityRequirement(name = "bearer")
@APIResponse(responseCode = "401", description = "No valid token", content = @Content(mediaType = Problem.MEDIA_TYPE))
@APIResponse(
        responseCode = "503",
        description = "Assistant not configured, or the provider is rate limiting",
        content = @Content(mediaType = Problem.MEDIA_TYPE))
public class ChatResource {

    private static final Logger LOG = Logger.getLogger(ChatResource.class.getName());

    @Inject
    Assistant assistant;

    @Inject
    ConversationService conversations;

    @Inject
    CurrentUser user;

    @Inject
    RequestValidator validator;

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @Produces(MediaType.APPLICATION_JSON)
    @Operation(
            summary = "Send a message to the assistant",
            description = "Starts a conversation, or continues the one named. The assistant may use the task tools; "
                    + "toolCalls lists what they did.")
    @RequestBody(content = @Content(schema = @Schema(implementation = ChatRequest.class)))
    @APIResponse(
            responseCode = "200",
            description = "The reply",
            content = @Content(schema = @Schema(implementation = ChatReply.class)))
    @APIResponse(
            responseCode = "404",
            description = "No such conversation",
            content = @Content(mediaType = Problem.MEDIA_TYPE))
    @APIResponse(
            responseCode = "502",
            description = "The model provider refused or failed; the conversation is kept",
            content = @Content(mediaType = Problem.MEDIA_TYPE))
    @APIResponse(
            responseCode = "504",
            description = "The model provider did not answer in time",
            content = @Content(mediaType = Problem.MEDIA_TYPE))
    public ChatReply chat(String body) {
        ChatRequest request = read(body);
        return assistant.chat(
                user.id(),
                request.conversationId(),
                request.message(),
                request.zone(),
                user.mayWrite(),
                false,
                TurnListener.NONE);
    }

    /**
     * The same exchange as {@link #chat}, as server-sent events: {@code conversation} (the id, first), {@code text}
     * (pieces of the reply as the model writes them), {@code tool} (each tool call and its result), then either
     * {@code done} (the whole ChatReply) or {@code error} (a problem; the conversation is kept).
     */
    @POST
    @Path("stream")
    @Consumes(MediaType.APPLICATION_JSON)
    @Produces(MediaType.SERVER_SENT_EVENTS)
    @Operation(
            summary = "Send a message and stream the answer as server-sent events",
            description = "Events: conversation {conversationId}, text {delta}, tool {name, arguments, result, error}, "
                    + "then done {conversationId, reply, toolCalls} or error {problem}.")
    @RequestBody(content = @Content(schema = @Schema(implementation = ChatRequest.class)))
    @APIResponse(
            responseCode = "200",
            description = "The event stream",
            content = @Content(mediaType = MediaType.SERVER_SENT_EVENTS))
    public void stream(String body, @Context SseEventSink sink, @Context Sse sse, @Context HttpServletResponse response)
            throws IOException {
        ChatRequest request = read(body);
        UUID owner = user.id();
        boolean mayWrite = user.mayWrite();
        // Refusals that need no model call are plain problem responses, before the stream starts.
        assistant.requireConfigured();
        if (request.conversationId() != null) {
            conversations.require(owner, request.conversationId());
        }
        // Proxies such as ingress-nginx would otherwise hold the pieces back until the turn is over.
        response.setHeader("X-Accel-Buffering", "no");
        response.setHeader("Cache-Control", "no-cache");
        try (sink) {
            Events events = new Events(sink, sse);
            try {
                events.send(
                        "done",
                        assistant.chat(
                                owner,
                                request.conversationId(),
                                request.message(),
                                request.zone(),
                                mayWrite,
                                true,
                                events));
            } catch (ClientLeft e) {
                throw e;
            } catch (ProblemException e) {
                events.send("error", e.problem().toJson(null));
            } catch (RuntimeException e) {
                events.send(
                        "error",
                        Problem.unexpected(LOG, e, "in a streamed chat").toJson(null));
            }
        } catch (ClientLeft e) {
            LOG.log(Level.FINE, "The client left the event stream", e.getCause());
        }
    }

    private ChatRequest read(String body) {
        JsonInput input = JsonInput.of(body, ChatRequest.FIELDS);
        return validator.valid(input, ChatRequest.read(input));
    }

    /** Sends each step of a turn as a JSON event as it happens; a client that left ends the turn. */
    private record Events(SseEventSink sink, Sse sse) implements TurnListener {

        @Override
        public void started(UUID conversationId) {
            send(
                    "conversation",
                    JSON.createObjectBuilder()
                            .add("conversationId", conversationId.toString())
                            .build());
        }

        @Override
        public void text(String delta) {
            send("text", JSON.createObjectBuilder().add("delta", delta).build());
        }

        @Override
        public void toolCalled(ToolCallView call) {
            send("tool", call);
        }

        void send(String name, Object data) {
            try {
                sink.send(sse.newEventBuilder()
                                .name(name)
                                .mediaType(MediaType.APPLICATION_JSON_TYPE)
                                .data(data)
                                .build())
                        .toCompletableFuture()
                        .join();
            } catch (CompletionException e) {
                throw new ClientLeft(e.getCause());
            }
        }
    }

    private static final class ClientLeft extends RuntimeException {
        private static final long serialVersionUID = 1L;

        ClientLeft(Throwable cause) {
            super(cause);
        }
    }
}
