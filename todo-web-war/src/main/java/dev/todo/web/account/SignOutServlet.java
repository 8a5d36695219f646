package dev.todo.web.account;

import dev.todo.web.api.ApiException;
import dev.todo.web.api.AuthApi;
import dev.todo.web.page.Pages;
import jakarta.inject.Inject;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.ws.rs.ProcessingException;
import java.io.IOException;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * {@code POST /sign-out}, the header's button on every page, and with {@code everywhere=true} the profile page's "Sign
 * out everywhere": the API ends the token's session (or every session of the account), so a copy of the cookie is no
 * use anywhere, and this browser forgets the token. The browser forgets it even when the API cannot be told; the token
 * then lapses when it expires.
 *
 * <p>A plain servlet rather than a Faces action, so it needs neither the page's view state nor its parameters (a Faces
 * form on {@code /task} posted without the task's id and failed). Cross-site posts are refused by {@code
 * SecurityHeadersFilter}; a GET signs nobody out, so a link on another site cannot either.
 */
public class SignOutServlet extends HttpServlet {

    private static final long serialVersionUID = 1L;
    private static final Logger LOG = Logger.getLogger(SignOutServlet.class.getName());

    @Inject
    transient AuthApi authApi;

    @Inject
    transient AccessToken accessToken;

    @Inject
    transient SessionCookie sessionCookie;

    @Override
    protected void doPost(HttpServletRequest request, HttpServletResponse response) throws IOException {
        boolean everywhere = "true".equals(request.getParameter("everywhere"));
        endSession(everywhere);
        sessionCookie.clear(response);
        response.addCookie(
                Pages.noticeCookie(everywhere ? "You are signed out on every device." : "You are signed out."));
        response.sendRedirect(request.getContextPath() + "/sign-in");
    }

    @Override
    protected void doGet(HttpServletRequest request, HttpServletResponse response) throws IOException {
        response.sendRedirect(request.getContextPath() + "/");
    }

    private void endSession(boolean everywhere) {
        String bearer = accessToken.bearer();
        if (bearer == null) {
            return;
        }
        try {
            authApi.logout(everywhere, bearer);
        } catch (ApiException e) {
            // 401: the session had ended already, which is what signing out wants.
            if (!e.isUnauthorized()) {
                LOG.log(Level.WARNING, "The API did not end the session: {0}", e.getMessage());
            }
        } catch (ProcessingException e) {
            LOG.log(Level.WARNING, "The API could not be told of a sign-out: {0}", e.getMessage());
        }
    }
}
