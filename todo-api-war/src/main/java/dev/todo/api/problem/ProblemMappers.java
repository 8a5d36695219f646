package dev.todo.api.problem;

import dev.todo.api.database.DatabaseTrouble;
import jakarta.json.JsonException;
import jakarta.json.bind.JsonbException;
import jakarta.persistence.OptimisticLockException;
import jakarta.ws.rs.NotAllowedException;
import jakarta.ws.rs.NotSupportedException;
import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import jakarta.ws.rs.ext.ExceptionMapper;
import jakarta.ws.rs.ext.Provider;
import java.util.logging.Level;
import java.util.logging.Logger;

/** Every error a client can cause becomes problem+json; anything else a 500 that gives away nothing internal. */
public final class ProblemMappers {

    private static final Logger LOG = Logger.getLogger(ProblemMappers.class.getName());

    private ProblemMappers() {}

    static String instance(UriInfo uri) {
        return uri == null ? null : uri.getRequestUri().getRawPath();
    }

    @Provider
    public static class ProblemExceptionMapper implements ExceptionMapper<ProblemException> {
        @Context
        UriInfo uri;

        @Override
        public Response toResponse(ProblemException exception) {
            Response.ResponseBuilder response =
                    Response.fromResponse(exception.problem().toResponse(instance(uri)));
            exception.headers().forEach(response::header);
            return response.build();
        }
    }

    static Response malformed(UriInfo uri) {
        return Problem.malformedJson().toResponse(instance(uri));
    }

    /** A concurrent update committed first: the caller must reload and retry. */
    @Provider
    public static class OptimisticLockMapper implements ExceptionMapper<OptimisticLockException> {
        @Context
        UriInfo uri;

        @Override
        public Response toResponse(OptimisticLockException exception) {
            return Problem.of(409, "Conflict", "The task was changed by another request; reload it and try again.")
                    .toResponse(instance(uri));
        }
    }

    /** JAX-RS's own errors (unknown path 404, 405, 406, 415...) in problem form, status kept. */
    @Provider
    public static class WebApplicationExceptionMapper implements ExceptionMapper<WebApplicationException> {
        @Context
        UriInfo uri;

        @Override
        public Response toResponse(WebApplicationException exception) {
            Response original = exception.getResponse();
            int status = original.getStatus();
            if (unreadableBody(exception)) {
                return malformed(uri);
            }
            if (databaseUnavailable(exception)) {
                return unavailable(exception, uri);
            }
            if (status >= 500) {
                return new UnexpectedExceptionMapper().log(exception, uri);
            }
            Response.StatusType statusType = original.getStatusInfo();
            String detail = switch (status) {
                case 404 -> "There is nothing at this address.";
                case 405 -> "This method is not allowed here.";
                case 406 -> "The requested media type cannot be produced; ask for application/json.";
                case 415 -> "Send the body as application/json.";
                default -> null;
            };
            Response.ResponseBuilder response = Response.fromResponse(
                    Problem.of(status, statusType.getReasonPhrase(), detail).toResponse(instance(uri)));
            if (exception instanceof NotAllowedException) {
                response.allow(original.getAllowedMethods());
            }
            if (exception instanceof NotSupportedException) {
                response.status(415);
            }
            return response.build();
        }
    }

    /** PostgreSQL is unreachable, starting up, shutting down, out of connections or timed out: see DatabaseTrouble. */
    static boolean databaseUnavailable(Throwable exception) {
        return DatabaseTrouble.isUnavailable(exception);
    }

    static Response unavailable(Throwable exception, UriInfo uri) {
        LOG.log(Level.WARNING, "Database unavailable on {0}: {1}", new Object[] {instance(uri), exception.getMessage()
        });
        return Response.fromResponse(Problem.of(
                                503,
                                "Service Unavailable",
                                "The database cannot be reached right now; try again in a few seconds.")
                        .toResponse(instance(uri)))
                .header("Retry-After", DatabaseTrouble.RETRY_AFTER_SECONDS)
                .build();
    }

    /** A body the JSON parser gave up on: malformed, or nested too deep to read. */
    static boolean unreadableBody(Throwable exception) {
        for (Throwable cause = exception; cause != null; cause = cause.getCause()) {
            if (cause instanceof JsonException
                    || cause instanceof JsonbException
                    || cause instanceof StackOverflowError) {
                return true;
            }
            if (cause.getCause() == cause) {
                break;
            }
        }
        return false;
    }

    @Provider
    public static class UnexpectedExceptionMapper implements ExceptionMapper<Throwable> {
        @Context
        UriInfo uri;

        @Override
        public Response toResponse(Throwable exception) {
            if (unreadableBody(exception)) {
                return malformed(uri);
            }
            if (databaseUnavailable(exception)) {
                return unavailable(exception, uri);
            }
            return log(exception, uri);
        }

        Response log(Throwable exception, UriInfo uri) {
            return Problem.unexpected(LOG, exception, "on " + instance(uri)).toResponse(instance(uri));
        }
    }
}
