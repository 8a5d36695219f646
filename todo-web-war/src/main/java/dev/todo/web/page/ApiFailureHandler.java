package dev.todo.web.page;

import dev.todo.web.account.SessionCookie;
import dev.todo.web.api.ApiException;
import jakarta.enterprise.inject.spi.CDI;
import jakarta.faces.context.ExceptionHandler;
import jakarta.faces.context.ExceptionHandlerFactory;
import jakarta.faces.context.ExceptionHandlerWrapper;
import jakarta.faces.context.ExternalContext;
import jakarta.faces.context.FacesContext;
import jakarta.faces.event.ExceptionQueuedEvent;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.ws.rs.ProcessingException;
import java.util.Iterator;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * What a page does when the API says no or is not there, so no user ever sees a stack trace: a refused token leads
 * back to sign in (then back here), a task that is gone to the list with a notice, and an API that does not answer
 * or fails to the "unavailable" page. Anything else goes on to the error page of web.xml.
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
            Throwable failure = events.next().getContext().getException();
            if (context.getResponseComplete() || handled(context, failure)) {
                events.remove();
            }
        }
        getWrapped().handle();
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
