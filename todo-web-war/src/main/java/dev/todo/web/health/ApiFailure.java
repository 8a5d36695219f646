package dev.todo.web.health;

import dev.todo.web.api.ApiException;
import java.net.ConnectException;
import java.net.NoRouteToHostException;
import java.net.SocketTimeoutException;
import java.net.UnknownHostException;
import java.net.http.HttpTimeoutException;
import java.util.concurrent.TimeoutException;
import javax.net.ssl.SSLException;

/**
 * Why a call to the API failed, in plain words. The web server's health details are public (its Service is a load
 * balancer), so they may say what kind of failure it was, but never the client library's message: that names
 * exception classes, library error codes and internal addresses.
 */
final class ApiFailure {

    private ApiFailure() {}

    static String describe(Throwable failure) {
        for (Throwable cause = failure; cause != null; cause = cause.getCause()) {
            String known = known(cause);
            if (known != null) {
                return known;
            }
        }
        return "it could not be reached";
    }

    private static String known(Throwable cause) {
        if (cause instanceof ApiException answer) {
            return "it answered HTTP " + answer.status();
        }
        if (cause instanceof UnknownHostException) {
            return "its host name does not resolve";
        }
        if (cause instanceof NoRouteToHostException) {
            return "there is no route to its host";
        }
        if (cause instanceof ConnectException) {
            return "it refused the connection";
        }
        if (cause instanceof SocketTimeoutException
                || cause instanceof HttpTimeoutException
                || cause instanceof TimeoutException) {
            return "it did not answer in time";
        }
        if (cause instanceof SSLException) {
            return "the TLS handshake with it failed";
        }
        return null;
    }
}
