package dev.todo.web.account;

import dev.todo.web.api.ApiException;
import dev.todo.web.api.AuthApi;
import dev.todo.web.api.Login;
import dev.todo.web.api.Session;
import dev.todo.web.page.Pages;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.util.Map;

/** {@code /sign-in}: email and password for a session cookie, then on to where the user was going. */
@Named
@RequestScoped
public class SignInPage {

    @Inject
    AuthApi authApi;

    @Inject
    SessionCookie sessionCookie;

    @Inject
    BrowserAddress browser;

    private String email;
    private String password;
    /** Where to go after signing in (a path of this application); from the URL. */
    private String next;
    /** Why the user is here: {@code expired} when the API refused their token. */
    private String reason;

    public void signIn() {
        try {
            Session session =
                    authApi.login(new Login(email == null ? null : email.trim(), password), browser.address());
            sessionCookie.store(session.token(), session.expiresAt());
            Pages.redirect(Pages.safeReturnPath(next));
        } catch (ApiException e) {
            if (e.status() == 401) {
                Pages.error("That email and password do not match an account.");
            } else if (e.status() == 429) {
                Pages.error("Too many attempts. Wait "
                        + e.retryAfter().map(s -> s + " seconds").orElse("a minute") + " and try again.");
            } else if (e.status() == 400) {
                Pages.showProblem(
                        e,
                        Map.of(
                                "email", new Pages.Field("signin:email", "Enter the email address of your account."),
                                "password", new Pages.Field("signin:password", "Enter your password.")),
                        "You are not signed in yet.");
            } else {
                throw e;
            }
        }
    }

    public String getReasonText() {
        return "expired".equals(reason) ? "Your session has ended. Sign in again to carry on." : null;
    }

    public String getSignUpLink() {
        return "/sign-up" + (next == null || next.isBlank() ? "" : "?next=" + Pages.encode(next));
    }

    public String getEmail() {
        return email;
    }

    public void setEmail(String email) {
        this.email = email;
    }

    public String getPassword() {
        return password;
    }

    public void setPassword(String password) {
        this.password = password;
    }

    public String getNext() {
        return next;
    }

    public void setNext(String next) {
        this.next = next;
    }

    public String getReason() {
        return reason;
    }

    public void setReason(String reason) {
        this.reason = reason;
    }
}
