package dev.todo.web.account;

import dev.todo.web.api.ApiException;
import dev.todo.web.api.TransferApi;
import dev.todo.web.page.Pages;
import jakarta.inject.Inject;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.io.InputStream;
import java.time.LocalDate;

/**
 * {@code GET /profile/export?format=json|csv}: the user's export as a download. The browser cannot call the API (the
 * token is in an HttpOnly cookie, the API on another server), so this fetches it with the cookie's token and passes
 * it through as it comes.
 */
public class ExportServlet extends HttpServlet {

    private static final long serialVersionUID = 1L;

    @Inject
    transient TransferApi transferApi;

    @Override
    protected void doGet(HttpServletRequest request, HttpServletResponse response) throws IOException {
        boolean csv = "csv".equals(request.getParameter("format"));
        try (InputStream export = csv ? transferApi.exportCsv() : transferApi.exportJson()) {
            response.setContentType(csv ? "text/csv" : "application/json");
            response.setCharacterEncoding("UTF-8");
            response.setHeader(
                    "Content-Disposition",
                    "attachment; filename=\"todo-export-" + LocalDate.now() + (csv ? ".csv" : ".json") + "\"");
            export.transferTo(response.getOutputStream());
        } catch (ApiException e) {
            if (!e.isUnauthorized()) {
                throw e;
            }
            response.addCookie(Pages.noticeCookie("Your session has ended. Sign in again to download your data."));
            response.sendRedirect(request.getContextPath() + "/sign-in");
        }
    }
}
