package dev.todo.web.page;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.Cookie;
import jakarta.servlet.http.HttpFilter;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;

/**
 * Hands a notice set before a redirect ("Task deleted") to the page after it, then forgets it. A cookie rather than
 * the Faces flash, which would need an HTTP session.
 */
public class NoticeFilter extends HttpFilter {

    private static final long serialVersionUID = 1L;

    /** Request attribute the layout shows. */
    public static final String ATTRIBUTE = "todoNotice";

    @Override
    protected void doFilter(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws IOException, ServletException {
        Cookie[] cookies = request.getCookies();
        if ("GET".equals(request.getMethod())
                && cookies != null
                && !request.getRequestURI().contains("/jakarta.faces.resource/")) {
            Arrays.stream(cookies)
                    .filter(c -> Pages.NOTICE_COOKIE.equals(c.getName()))
                    .findFirst()
                    .ifPresent(notice -> {
                        request.setAttribute(ATTRIBUTE, URLDecoder.decode(notice.getValue(), StandardCharsets.UTF_8));
                        Cookie expired = new Cookie(Pages.NOTICE_COOKIE, "");
                        expired.setPath("/");
                        expired.setHttpOnly(true);
                        expired.setMaxAge(0);
                        response.addCookie(expired);
                    });
        }
        chain.doFilter(request, response);
    }
}
