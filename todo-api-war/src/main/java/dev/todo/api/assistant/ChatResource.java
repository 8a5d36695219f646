package dev.todo.api.assistant;

import dev.todo.api.assistant.dto.ChatReply;
import dev.todo.api.assistant.dto.ChatRequest;
import dev.todo.api.assistant.dto.ToolCallView;
import dev.todo.api.json.JsonInput;
import dev.todo.api.json.RequestValidator;
import dev.todo.api.problem.FieldError;
import dev.todo.api.problem.Problem;
import dev.todo.api.problem.ProblemException;
import dev.todo.api.security.CurrentUser;
import dev.todo.api.security.ReadScopeAllowed;
import dev.todo.api.security.SignedIn;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.json.Json;
import jakarta.json.bind.Jsonb;
import jakarta.json.bind.JsonbBuilder;
import jakarta.json.bind.JsonbConfig;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.StreamingOutput;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.UUID;
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
    private static final Jsonb JSONB = JsonbBuilder.create(new JsonbConfig().withNullValues(true));

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
                conversationId(request),
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
    public Response stream(String body) {
        ChatRequest request = read(body);
        UUID owner = user.id();
        boolean mayWrite = user.mayWrite();
        UUID conversationId = conversationId(request);
        // Refusals that need no model call are plain problem responses, before the stream starts.
        assistant.requireConfigured();
        if (conversationId != null) {
            conversations.require(owner, conversationId);
        }
        StreamingOutput events = output -> {
            EventWriter writer = new EventWriter(output);
            try {
                ChatReply reply = assistant.chat(
                        owner, conversationId, request.message(), request.zone(), mayWrite, true, writer);
                writer.send("done", JSONB.toJson(reply));
            } catch (ProblemException e) {
                writer.send("error", e.problem().toJson(null).toString());
            } catch (UncheckedIOException e) {
                LOG.log(Level.FINE, "The client left the event stream", e);
            } catch (RuntimeException e) {
                String correlationId = UUID.randomUUID().toString();
                LOG.log(Level.SEVERE, "Unexpected error " + correlationId + " in a streamed chat", e);
                writer.send(
                        "error",
                        Problem.of(
                                        500,
                                        "Internal Server Error",
                                        "Something went wrong on our side. Quote " + correlationId
                                                + " when reporting it.")
                                .toJson(null)
                                .toString());
            }
        };
        return Response.ok(events, MediaType.SERVER_SENT_EVENTS_TYPE)
                .header("Cache-Control", "no-cache")
                .header("X-Accel-Buffering", "no")
                .build();
    }

    private ChatRequest read(String body) {
        JsonInput input = JsonInput.of(body, ChatRequest.FIELDS);
        ChatRequest request = validator.valid(input, ChatRequest.read(input));
        if (!request.hasValidTimeZone()) {
            throw ProblemException.invalid(
                    List.of(new FieldError("timeZone", "must be an IANA time zone such as Asia/Karachi")));
        }
        return request;
    }

    /** A malformed id cannot name a conversation: the same 404 as a missing one. */
    private static UUID conversationId(ChatRequest request) {
        if (request.conversationId() == null) {
            return null;
        }
        try {
            return UUID.fromString(request.conversationId());
        } catch (IllegalArgumentException e) {
            throw ProblemException.notFound("Conversation " + request.conversationId());
        }
    }

    /** Writes each step of a turn as a server-sent event and flushes it at once. */
    private static final class EventWriter implements TurnListener {
        private final OutputStream output;

        EventWriter(OutputStream output) {
            this.output = output;
        }

        @Override
        public void started(UUID conversationId) {
            send(
                    "conversation",
                    Json.createObjectBuilder()
                            .add("conversationId", conversationId.toString())
                            .build()
                            .toString());
        }

        @Override
        public void text(String delta) {
            send("text", Json.createObjectBuilder().add("delta", delta).build().toString());
        }

        @Override
        public void toolCalled(ToolCallView call) {
            send("tool", JSONB.toJson(call));
        }

        void send(String event, String json) {
            try {
                output.write(("event: " + event + "\ndata: " + json + "\n\n").getBytes(StandardCharsets.UTF_8));
                output.flush();
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
    }
}
