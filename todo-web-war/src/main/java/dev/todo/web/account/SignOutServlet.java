package dev.todo.web.account;

import dev.todo.web.page.Pages;
import jakarta.inject.Inject;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;

/**
 * {@code POST /sign-out}, the header's button on every page: forgets the token in this browser. A plain servlet rather
 * than a Faces action, so it needs neither the page's view state nor its parameters (a Faces form on {@code /task}
 * posted without the task's id and failed). Cross-site posts are refused by {@code SecurityHeadersFilter}; a GET
 * signs nobody out, so a link on another site cannot either.
 */
public class SignOutServlet extends HttpServlet {

    private static final long serialVersionUID = 1L;

    @Inject
    transient SessionCookie sessionCookie;

    @Override
    protected void doPost(HttpServletRequest request, HttpServletResponse response) throws IOException {
        sessionCookie.clear(response);
        response.addCookie(Pages.noticeCookie("You are signed out."));
        response.sendRedirect(request.getContextPath() + "/sign-in");
    }

    @Override
    protected void doGet(HttpServletRequest request, HttpServletResponse response) throws IOException {
        response.sendRedirect(request.getContextPath() + "/");
    }
}
