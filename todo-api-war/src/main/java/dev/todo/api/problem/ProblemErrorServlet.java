package dev.todo.api.problem;

import jakarta.servlet.RequestDispatcher;
import jakarta.servlet.annotation.WebServlet;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;

/**
 * Writes problem+json for errors the servlet container produces itself, outside JAX-RS: an unknown path, a failure
 * before a resource runs.
 */
@WebServlet("/problem-error")
public class ProblemErrorServlet extends HttpServlet {

    private static final long serialVersionUID = 1L;

    @Override
    protected void service(HttpServletRequest request, HttpServletResponse response) throws IOException {
        Object code = request.getAttribute(RequestDispatcher.ERROR_STATUS_CODE);
        int status = code instanceof Integer number ? number : response.getStatus();
        Object uri = request.getAttribute(RequestDispatcher.ERROR_REQUEST_URI);
        Problem problem = switch (status) {
            case 401 ->
                Problem.of(
                        401,
                        "Unauthorized",
                        "A valid bearer token is required: sign in and send Authorization: Bearer <token>.");
            case 403 -> Problem.of(403, "Forbidden", "This token does not allow that.");
            case 404 -> Problem.of(404, "Not Found", "There is nothing at this address.");
            default -> Problem.of(status, "Error", "The request could not be handled.");
        };
        if (status == 401) {
            response.setHeader("WWW-Authenticate", "Bearer");
        }
        problem.writeTo(response, uri == null ? null : uri.toString());
    }
}
