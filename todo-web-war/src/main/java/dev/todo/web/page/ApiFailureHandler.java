package dev.todo.web.page;

import dev.todo.web.account.SessionCookie;
import dev.todo.web.api.ApiException;
import jakarta.enterprise.inject.spi.CDI;
import jakarta.faces.application.ViewExpiredException;
import jakarta.faces.context.ExceptionHandler;
import jakarta.faces.context.ExceptionHandlerFactory;
import jakarta.faces.context.ExceptionHandlerWrapper;
import jakarta.faces.context.ExternalContext;
import jakarta.faces.context.FacesContext;
import jakarta.faces.event.ExceptionQueuedEvent;
import jakarta.faces.event.ExceptionQueuedEventContext;
import jakarta.faces.event.PhaseId;
import jakarta.faces.render.ResponseStateManager;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.ws.rs.ProcessingException;
import java.util.Iterator;
import java.util.Map;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * What a page does when the API says no or is not there, so no user ever sees a stack trace: a refused token leads
 * back to sign in (then back here), a task that is gone to the list with a notice, and an API that does not answer
 * or fails to the "unavailable" page, and a page whose view state cannot be restored to the same page, afresh. Anything
 * else goes on to the error page of web.xml.
 */
public class ApiFailureHandler extends ExceptionHandlerWrapper {

    private static final Logger LOG = Logger.getLogger(ApiFailureHandler.class.getName());

    public ApiFailureHandler(ExceptionHandler wrapped) {
        super(wrapped);
    }

    @Override
    public void handle() {
        FacesContext context = FacesContext.getCurrentInstance();
        Iterator<ExceptionQueuedEvent> events =
                getUnhandledExceptionQueuedEvents().iterator();
        while (events.hasNext()) {
            ExceptionQueuedEventContext event = events.next().getContext();
            if (context.getResponseComplete()
                    || expiredPage(context, event)
                    || handled(context, event.getException())) {
                events.remove();
            }
        }
        getWrapped().handle();
    }

    /**
     * A view state that cannot be restored (too old, from a server with other keys, truncated or tampered with): the
     * same page again, fresh, with what its URL and forms said about which page it was (a task's id, the list's
     * filters), instead of an error.
     */
    private static boolean expiredPage(FacesContext context, ExceptionQueuedEventContext event) {
        ExternalContext external = context.getExternalContext();
        boolean postback = external.getRequestParameterMap().containsKey(ResponseStateManager.VIEW_STATE_PARAM);
        boolean expired = event.getException() instanceof ViewExpiredException
                || (postback && PhaseId.RESTORE_VIEW.equals(event.getPhaseId()));
        if (!expired) {
            return false;
        }
        LOG.log(
                Level.INFO,
                "A page came back with a view state that could not be restored: {0}",
                rootMessage(event.getException()));
        Pages.redirect(
                pageAgain(external),
                "This page had expired, so here it is again. Nothing was changed; " + "please do that once more.");
        return true;
    }

    /** The page's path and its plain parameters (not the forms' fields, whose names hold a colon). */
    private static String pageAgain(ExternalContext external) {
        HttpServletRequest request = (HttpServletRequest) external.getRequest();
        String path = request.getRequestURI().substring(request.getContextPath().length());
        if (path.endsWith(".xhtml")) {
            path = path.substring(0, path.length() - ".xhtml".length());
        }
        StringBuilder url = new StringBuilder(Pages.safeReturnPath(path));
        char separator = '?';
        for (Map.Entry<String, String> parameter :
                external.getRequestParameterMap().entrySet()) {
            String name = parameter.getKey();
            if (name.contains(":")
                    || name.startsWith("jakarta.faces")
                    || parameter.getValue().isBlank()) {
                continue;
            }
            url.append(separator).append(Pages.encode(name)).append('=').append(Pages.encode(parameter.getValue()));
            separator = '&';
        }
        return url.toString();
    }

    private boolean handled(FacesContext context, Throwable failure) {
        for (Throwable cause = failure; cause != null; cause = cause.getCause()) {
            if (cause instanceof ApiException api) {
                return handleApiAnswer(context, api);
            }
            if (cause instanceof ProcessingException) {
                LOG.log(Level.WARNING, "The API does not answer: {0}", rootMessage(cause));
                Pages.redirect("/unavailable");
                return true;
            }
        }
        return false;
    }

    private boolean handleApiAnswer(FacesContext context, ApiException failure) {
        if (failure.isUnauthorized()) {
            CDI.current().select(SessionCookie.class).get().clear();
            Pages.redirect("/sign-in?reason=expired" + returnParameter(context.getExternalContext()));
        } else if (failure.isNotFound()) {
            Pages.redirect("/tasks", "That task no longer exists.");
        } else {
            LOG.log(Level.WARNING, "The API failed: {0}", failure.getMessage());
            Pages.redirect("/unavailable");
        }
        return true;
    }

    /** For a page the user was looking at (a GET), come back to it after signing in. */
    private static String returnParameter(ExternalContext external) {
        HttpServletRequest request = (HttpServletRequest) external.getRequest();
        if (!"GET".equals(request.getMethod())) {
            return "";
        }
        String path = request.getRequestURI().substring(request.getContextPath().length());
        String query = request.getQueryString();
        return "&next=" + Pages.encode(path + (query == null ? "" : "?" + query));
    }

    private static String rootMessage(Throwable failure) {
        Throwable root = failure;
        while (root.getCause() != null) {
            root = root.getCause();
        }
        return root.getClass().getSimpleName() + ": " + root.getMessage();
    }

    /** Registered in faces-config.xml. */
    public static class Factory extends ExceptionHandlerFactory {

        public Factory(ExceptionHandlerFactory wrapped) {
            super(wrapped);
        }

        @Override
        public ExceptionHandler getExceptionHandler() {
            return new ApiFailureHandler(getWrapped().getExceptionHandler());
        }
    }
}
