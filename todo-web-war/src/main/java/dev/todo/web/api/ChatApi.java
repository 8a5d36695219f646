package dev.todo.web.api;

import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import java.io.InputStream;

/** {@code /chat}: a message to the assistant, answered at once or as server-sent events. */
@Path("chat")
@Consumes(MediaType.APPLICATION_JSON)
public interface ChatApi {

    @POST
    @Produces(MediaType.APPLICATION_JSON)
    ChatReply chat(ChatRequest request);

    /** The raw event stream, read as it arrives; the caller closes it. */
    @POST
    @Path("stream")
    @Produces(MediaType.SERVER_SENT_EVENTS)
    InputStream stream(ChatRequest request);
}
