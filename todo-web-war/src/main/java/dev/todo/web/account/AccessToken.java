package dev.todo.web.account;

import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import jakarta.servlet.http.Cookie;
import jakarta.servlet.http.HttpServletRequest;
import java.util.Arrays;
import java.util.Optional;

/**
 * The API token of the request being served: from the session cookie, or the one just issued by signing in. The web
 * server never checks the token itself; the API does on every call, and a refusal sends the user back to sign in.
 */
@Named
@RequestScoped
public class AccessToken {

    @Inject
    HttpServletRequest request;

    private String issued;
    private boolean cleared;

    public Optional<String> value() {
        if (cleared) {
            return Optional.empty();
        }
        if (issued != null) {
            return Optional.of(issued);
        }
        return fromCookie(request);
    }

    /** The value of an {@code Authorization} header carrying the token, or null when there is none. */
    public String bearer() {
        return value().map(token -> "Bearer " + token).orElse(null);
    }

    public boolean isPresent() {
        return value().isPresent();
    }

    void issued(String token) {
        issued = token;
        cleared = false;
    }

    void cleared() {
        cleared = true;
        issued = null;
    }

    static Optional<String> fromCookie(HttpServletRequest request) {
        Cookie[] cookies = request.getCookies();
        if (cookies == null) {
            return Optional.empty();
        }
        return Arrays.stream(cookies)
                .filter(cookie -> SessionCookie.NAME.equals(cookie.getName()))
                .map(Cookie::getValue)
                .filter(value -> value != null && !value.isBlank())
                .findFirst();
    }
}
