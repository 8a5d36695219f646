package dev.todo.web.time;

import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import jakarta.servlet.http.Cookie;
import jakarta.servlet.http.HttpServletRequest;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.time.DateTimeException;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.Arrays;

/**
 * The user's time zone, which {@code app.js} reads from the browser into the {@code tz} cookie; UTC until it has.
 * Times are shown and typed in it, and the API gets it for its "today" and "this week" windows.
 */
@Named("zone")
@RequestScoped
public class UserZone {

    public static final String COOKIE = "tz";

    @Inject
    HttpServletRequest request;

    private ZoneId zone = ZoneOffset.UTC;

    @PostConstruct
    void readCookie() {
        Cookie[] cookies = request.getCookies();
        if (cookies != null) {
            Arrays.stream(cookies)
                    .filter(c -> COOKIE.equals(c.getName()))
                    .findFirst()
                    .ifPresent(c -> zone = parse(c.getValue()));
        }
    }

    static ZoneId parse(String value) {
        if (value == null || value.isBlank() || value.length() > 64) {
            return ZoneOffset.UTC;
        }
        try {
            return ZoneId.of(URLDecoder.decode(value, StandardCharsets.UTF_8));
        } catch (DateTimeException e) {
            return ZoneOffset.UTC;
        }
    }

    public ZoneId zone() {
        return zone;
    }

    /** The IANA id (or {@code UTC}) for the API's {@code tz} parameter and the page's {@code data-tz}. */
    public String id() {
        return zone.equals(ZoneOffset.UTC) ? "UTC" : zone.getId();
    }

    public String getId() {
        return id();
    }
}
