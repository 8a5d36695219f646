package dev.todo.web.account;

import dev.todo.web.api.ApiException;
import dev.todo.web.api.AuthApi;
import dev.todo.web.page.Pages;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import jakarta.ws.rs.ProcessingException;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Signing out: the API ends the token's session (so a copy of the cookie is no use anywhere) and this browser forgets
 * it. The browser forgets it even when the API cannot be told; the token then lapses when it expires.
 */
@Named
@RequestScoped
public class SignOut {

    private static final Logger LOG = Logger.getLogger(SignOut.class.getName());

    @Inject
    AuthApi authApi;

    @Inject
    AccessToken accessToken;

    @Inject
    SessionCookie sessionCookie;

    /** The header's sign-out button. */
    public void signOut() {
        end(false);
        Pages.redirect("/sign-in", "You are signed out.");
    }

    /** The profile page's "Sign out everywhere": every session of the account, on every device. */
    public void signOutEverywhere() {
        end(true);
        Pages.redirect("/sign-in", "You are signed out on every device.");
    }

    private void end(boolean everywhere) {
        String bearer = accessToken.bearer();
        if (bearer != null) {
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
        sessionCookie.clear();
    }
}
