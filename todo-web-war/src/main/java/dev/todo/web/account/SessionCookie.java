package dev.todo.web.account;

import jakarta.enterprise.context.RequestScoped;
import jakarta.faces.context.FacesContext;
import jakarta.inject.Inject;
import jakarta.servlet.http.Cookie;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.time.Duration;
import java.time.Instant;

/**
 * Keeps the API token in the browser: an HttpOnly, SameSite=Lax cookie that lives as long as the token. Scripts cannot
 * read it, and other sites' forms and frames do not send it. It is marked Secure when the browser reached us over
 * HTTPS, including through a proxy that ended TLS.
 */
@RequestScoped
public class SessionCookie {

    public static final String NAME = "todo_session";

    @Inject
    HttpServletRequest request;

    @Inject
    AccessToken accessToken;

    public void store(String token, Instant expiresAt) {
        long seconds = expiresAt == null
                ? -1
                : Math.max(0, Duration.between(Instant.now(), expiresAt).toSeconds());
        response().addCookie(cookie(token, (int) Math.min(seconds, Integer.MAX_VALUE)));
        accessToken.issued(token);
    }

    public void clear() {
        clear(response());
    }

    /** Outside Faces, e.g. in a servlet. */
    public void clear(HttpServletResponse response) {
        response.addCookie(cookie("", 0));
        accessToken.cleared();
    }

    private static HttpServletResponse response() {
        return (HttpServletResponse)
                FacesContext.getCurrentInstance().getExternalContext().getResponse();
    }

    private Cookie cookie(String value, int maxAge) {
        Cookie cookie = new Cookie(NAME, value);
        cookie.setPath("/");
        cookie.setHttpOnly(true);
        cookie.setSecure(isHttps(request));
        cookie.setMaxAge(maxAge);
        cookie.setAttribute("SameSite", "Lax");
        return cookie;
    }

    public static boolean isHttps(HttpServletRequest request) {
        return request.isSecure() || "https".equalsIgnoreCase(request.getHeader("X-Forwarded-Proto"));
    }
}
