package dev.todo.web.health;

import static org.assertj.core.api.Assertions.assertThat;

import dev.todo.web.api.ApiException;
import jakarta.ws.rs.ProcessingException;
import java.net.ConnectException;
import java.net.NoRouteToHostException;
import java.net.SocketTimeoutException;
import java.net.UnknownHostException;
import org.junit.jupiter.api.Test;

class ApiFailureTest {

    /** How the Rest Client reports a refused connection: its own code and class names, and the address. */
    private static final String CLIENT_MESSAGE = "RESTEASY004655: Unable to invoke request:"
            + " org.apache.http.conn.HttpHostConnectException: Connect to 10.96.14.2:9080 [/10.96.14.2] failed";

    @Test
    void refusedConnectionIsSaidInPlainWordsWithoutTheClientsMessage() {
        String described = ApiFailure.describe(
                new ProcessingException(CLIENT_MESSAGE, new ConnectException("Connection refused")));

        assertThat(described)
                .isEqualTo("it refused the connection")
                .doesNotContain("RESTEASY", "Exception", "10.96.14.2", "9080");
    }

    @Test
    void eachKindOfFailureHasItsOwnWords() {
        assertThat(ApiFailure.describe(new ProcessingException(CLIENT_MESSAGE, new SocketTimeoutException("Read"))))
                .isEqualTo("it did not answer in time");
        assertThat(ApiFailure.describe(new ProcessingException(new UnknownHostException("todo-api"))))
                .isEqualTo("its host name does not resolve");
        assertThat(ApiFailure.describe(new ProcessingException(new NoRouteToHostException("10.96.14.2"))))
                .isEqualTo("there is no route to its host");
        assertThat(ApiFailure.describe(new ApiException(503, null, "5"))).isEqualTo("it answered HTTP 503");
    }

    @Test
    void anUnknownFailureStillNamesNothingInternal() {
        assertThat(ApiFailure.describe(new IllegalStateException(CLIENT_MESSAGE)))
                .isEqualTo("it could not be reached");
    }
}
