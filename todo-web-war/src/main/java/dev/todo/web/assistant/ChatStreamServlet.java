package dev.todo.web.assistant;

import dev.todo.web.account.AccessToken;
import dev.todo.web.api.ApiException;
import dev.todo.web.api.ChatApi;
import dev.todo.web.api.ChatRequest;
import dev.todo.web.time.UserZone;
import jakarta.inject.Inject;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.ws.rs.ProcessingException;
import java.io.IOException;
import java.io.InputStream;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * {@code POST /assistant/stream}: chat.js posts the composer here and reads the reply as it is written. The page
 * cannot call the API itself (the token is in an HttpOnly cookie, and the API is on another server), so this relays
 * the API's server-sent events from {@code POST /api/chat/stream}, same origin, under the page's CSP and the CSRF
 * origin check of {@code SecurityHeadersFilter}. Every failure becomes one {@code error} event with a sentence for
 * people, so the script has a single way to show it.
 */
public class ChatStreamServlet extends HttpServlet {

    private static final long serialVersionUID = 1L;
    private static final Logger LOG = Logger.getLogger(ChatStreamServlet.class.getName());

    @Inject
    transient ChatApi chatApi;

    @Inject
    transient AccessToken accessToken;

    @Inject
    transient UserZone userZone;

    @Override
    protected void doPost(HttpServletRequest request, HttpServletResponse response) throws IOException {
        request.setCharacterEncoding("UTF-8");
        response.setContentType("text/event-stream");
        response.setCharacterEncoding("UTF-8");
        response.setHeader("X-Accel-Buffering", "no");
        EventRelay relay = new EventRelay(response.getWriter(), response::flushBuffer);
        if (!accessToken.isPresent()) {
            relay.signInAgain(request.getContextPath());
            return;
        }
        String message = request.getParameter("message");
        if (message == null || message.isBlank()) {
            relay.error(AssistantMessages.EMPTY);
            return;
        }
        String conversation = request.getParameter("conversation");
        ChatRequest chat = new ChatRequest(
                conversation == null || conversation.isBlank() ? null : conversation, message.strip(), userZone.id());
        try (InputStream events = chatApi.stream(chat)) {
            relay.relay(events);
        } catch (ApiException e) {
            if (e.isUnauthorized()) {
                relay.signInAgain(request.getContextPath());
            } else {
                relay.error(e.isNotFound() ? "That conversation no longer exists." : AssistantMessages.of(e));
            }
        } catch (ProcessingException e) {
            LOG.log(Level.WARNING, "The API does not answer a streamed chat: {0}", e.getMessage());
            relay.error(AssistantMessages.UNREACHABLE);
        }
    }
}
