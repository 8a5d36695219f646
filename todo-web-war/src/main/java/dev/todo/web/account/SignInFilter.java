package dev.todo.web.account;

import dev.todo.web.page.Pages;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpFilter;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.Set;

/**
 * Sends people to the right place: {@code /} to their tasks or to sign in, a page that needs an account to sign in
 * first (remembering where they were going), and the sign-in pages to the tasks when already signed in. Whether the
 * token is still good is the API's call; an expired one comes back as a 401 and ends up at sign in too.
 */
public class SignInFilter extends HttpFilter {

    private static final long serialVersionUID = 1L;

    static final Set<String> MEMBER_PAGES = Set.of("/tasks", "/task", "/assistant", "/profile", "/profile/export");
    static final Set<String> GUEST_PAGES = Set.of("/sign-in", "/sign-up");

    @Override
    protected void doFilter(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws IOException, ServletException {
        String page = pageOf(request);
        boolean signedIn = AccessToken.fromCookie(request).isPresent();
        String context = request.getContextPath();
        if (page.equals("/") || page.equals("/index")) {
            response.sendRedirect(context + (signedIn ? "/tasks" : "/sign-in"));
        } else if (MEMBER_PAGES.contains(page) && !signedIn) {
            String query = request.getQueryString();
            String target = page + (query == null ? "" : "?" + query);
            response.sendRedirect(context + "/sign-in"
                    + ("GET".equals(request.getMethod()) && !"/tasks".equals(target)
                            ? "?next=" + Pages.encode(target)
                            : ""));
        } else if (GUEST_PAGES.contains(page) && signedIn && "GET".equals(request.getMethod())) {
            response.sendRedirect(context + "/tasks");
        } else {
            chain.doFilter(request, response);
        }
    }

    /** The page without context path or {@code .xhtml}: {@code /tasks.xhtml} and {@code /tasks} are one page. */
    static String pageOf(HttpServletRequest request) {
        String path = request.getRequestURI().substring(request.getContextPath().length());
        if (path.isEmpty()) {
            return "/";
        }
        return path.endsWith(".xhtml") ? path.substring(0, path.length() - ".xhtml".length()) : path;
    }
}
