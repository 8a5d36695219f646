package dev.todo.web.page;

import dev.todo.web.api.ApiException;
import dev.todo.web.api.Problem;
import jakarta.faces.application.FacesMessage;
import jakarta.faces.component.EditableValueHolder;
import jakarta.faces.context.ExternalContext;
import jakarta.faces.context.FacesContext;
import jakarta.servlet.http.Cookie;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;

/** What page beans do around their one API call: redirect after a change, and show messages next to fields. */
public final class Pages {

    /** Short-lived cookie that carries a one-line notice across a redirect; see {@link NoticeFilter}. */
    static final String NOTICE_COOKIE = "todo_notice";

    private Pages() {}

    /** Redirects to a path of this application, e.g. {@code /tasks?status=open}. */
    public static void redirect(String path) {
        ExternalContext external = FacesContext.getCurrentInstance().getExternalContext();
        try {
            external.redirect(external.getRequestContextPath() + path);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        FacesContext.getCurrentInstance().responseComplete();
    }

    /** Redirects, and shows the notice on the page redirected to. */
    public static void redirect(String path, String notice) {
        noticeOnNextPage(notice);
        redirect(path);
    }

    public static void noticeOnNextPage(String notice) {
        FacesContext context = FacesContext.getCurrentInstance();
        ((HttpServletResponse) context.getExternalContext().getResponse()).addCookie(noticeCookie(notice));
    }

    /** The cookie that shows {@code notice} on the next page; for servlets, which have no Faces context. */
    public static Cookie noticeCookie(String notice) {
        Cookie cookie = new Cookie(NOTICE_COOKIE, URLEncoder.encode(notice, StandardCharsets.UTF_8));
        cookie.setPath("/");
        cookie.setHttpOnly(true);
        cookie.setMaxAge(60);
        cookie.setAttribute("SameSite", "Lax");
        return cookie;
    }

    public static void info(String message) {
        FacesContext.getCurrentInstance().addMessage(null, new FacesMessage(FacesMessage.SEVERITY_INFO, message, null));
    }

    public static void error(String message) {
        FacesContext.getCurrentInstance()
                .addMessage(null, new FacesMessage(FacesMessage.SEVERITY_ERROR, message, null));
    }

    public static void warning(String message) {
        FacesContext.getCurrentInstance().addMessage(null, new FacesMessage(FacesMessage.SEVERITY_WARN, message, null));
    }

    /**
     * A message shown next to the component with this client id (e.g. {@code signup:email}); the input is marked
     * invalid, so the page shows it as the one at fault and {@code app.js} moves the focus there.
     */
    public static void fieldError(String clientId, String message) {
        FacesContext context = FacesContext.getCurrentInstance();
        context.addMessage(clientId, new FacesMessage(FacesMessage.SEVERITY_ERROR, message, null));
        if (context.getViewRoot().findComponent(clientId) instanceof EditableValueHolder input) {
            input.setValid(false);
        }
        context.validationFailed();
    }

    /**
     * Problems found before calling the API, keyed by field: each next to its input, and the first one in a sentence
     * at the top that starts with what did not happen ("The task is not added yet.").
     */
    public static void fieldErrors(Map<String, String> problems, Map<String, String> clientIdsByField, String lead) {
        problems.forEach((field, message) -> fieldError(clientIdsByField.get(field), message));
        problems.values().stream().findFirst().ifPresent(first -> error(lead + " " + first));
    }

    /** An input, and what to say when the API refuses its value. */
    public record Field(String clientId, String message) {}

    /**
     * Shows the API's refusal: each field it names next to its input, in the page's own words, and the first of them
     * at the top after {@code lead}; a refusal of no known field as one message for the page.
     */
    public static void showProblem(ApiException e, Map<String, Field> fields, String lead) {
        Problem problem = e.problem().orElse(null);
        Map<String, String> problems = new LinkedHashMap<>();
        Map<String, String> clientIds = new LinkedHashMap<>();
        if (problem != null) {
            for (Problem.FieldError error : problem.errors()) {
                Field field = error.field() == null ? null : fields.get(lastSegment(error.field()));
                if (field != null) {
                    problems.putIfAbsent(error.field(), field.message());
                    clientIds.put(error.field(), field.clientId());
                }
            }
        }
        if (problems.isEmpty()) {
            error(lead + " Check what you typed and try again.");
        } else {
            fieldErrors(problems, clientIds, lead);
        }
        FacesContext.getCurrentInstance().validationFailed();
    }

    /** Bean Validation paths may arrive as {@code signUp.request.email}; the input is named by the last part. */
    private static String lastSegment(String field) {
        int dot = field.lastIndexOf('.');
        return dot < 0 ? field : field.substring(dot + 1);
    }

    /**
     * A view parameter's value in any phase. On a postback, view parameters reach their bean properties only when
     * the model is updated, after {@code rendered} and values were already needed to decode the forms, and not at
     * all on an Ajax request that executes one form; so forms that need them repeat them as plain hidden inputs of
     * the same name, and this reads the request.
     */
    public static String viewParameter(String name) {
        String value = FacesContext.getCurrentInstance()
                .getExternalContext()
                .getRequestParameterMap()
                .get(name);
        return value == null || value.isBlank() ? null : value;
    }

    public static boolean isAjax() {
        return FacesContext.getCurrentInstance().getPartialViewContext().isAjaxRequest();
    }

    public static String encode(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8);
    }

    /**
     * A path inside this application that is safe to send the browser to after signing in: relative, not
     * protocol-relative, no scheme; anything else becomes the tasks page.
     */
    public static String safeReturnPath(String path) {
        if (path == null
                || !path.startsWith("/")
                || path.startsWith("//")
                || path.startsWith("/\\")
                || path.contains("\r")
                || path.contains("\n")) {
            return "/tasks";
        }
        return path;
    }
}
