package dev.todo.web.account;

import dev.todo.web.api.ApiException;
import dev.todo.web.api.AuthApi;
import dev.todo.web.api.Session;
import dev.todo.web.api.SignUp;
import dev.todo.web.page.Pages;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.util.Map;

/** {@code /sign-up}: a new account, signed in at once. The API's validation errors appear next to their fields. */
@Named
@RequestScoped
public class SignUpPage {

    private static final Map<String, Pages.Field> INPUTS = Map.of(
            "name", new Pages.Field("signup:name", "Enter your name, up to 100 characters."),
            "email", new Pages.Field("signup:email", "Enter an email address like name@example.com."),
            "password", new Pages.Field("signup:password", "Choose a password of at least 8 characters."));

    @Inject
    AuthApi authApi;

    @Inject
    SessionCookie sessionCookie;

    @Inject
    BrowserAddress browser;

    private String name;
    private String email;
    private String password;
    private String next;
    private boolean emailTaken;

    public void signUp() {
        try {
            Session session = authApi.signUp(new SignUp(trim(name), trim(email), password), browser.address());
            sessionCookie.store(session.token(), session.expiresAt());
            Pages.redirect(
                    Pages.safeReturnPath(next), "Welcome, " + session.user().name() + "! Add your first task below.");
        } catch (ApiException e) {
            if (e.status() == 409) {
                emailTaken = true;
                Pages.fieldError("signup:email", "There is already an account with this email.");
                Pages.error("There is already an account with this email. Sign in instead, or use another email.");
            } else if (e.status() == 400) {
                Pages.showProblem(e, INPUTS, "Your account is not created yet.");
            } else {
                throw e;
            }
        }
    }

    private static String trim(String value) {
        return value == null ? null : value.trim();
    }

    public boolean isEmailTaken() {
        return emailTaken;
    }

    /** Sign in with the email just typed already filled in. */
    public String getSignInInsteadLink() {
        return "/sign-in?email=" + Pages.encode(email == null ? "" : email.trim())
                + (next == null || next.isBlank() ? "" : "&next=" + Pages.encode(next));
    }

    public String getSignInLink() {
        return "/sign-in" + (next == null || next.isBlank() ? "" : "?next=" + Pages.encode(next));
    }

    public String getName() {
        return name;
    }

    public void setName(String name) {
        this.name = name;
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
}
