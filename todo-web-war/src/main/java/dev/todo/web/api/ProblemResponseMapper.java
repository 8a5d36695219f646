package dev.todo.web.api;

import jakarta.json.bind.Jsonb;
import jakarta.json.bind.JsonbBuilder;
import jakarta.json.bind.JsonbException;
import jakarta.ws.rs.ProcessingException;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MultivaluedMap;
import jakarta.ws.rs.core.Response;
import org.eclipse.microprofile.rest.client.ext.ResponseExceptionMapper;

/** Turns every error status of the API into an {@link ApiException} with the problem document it sent. */
public class ProblemResponseMapper implements ResponseExceptionMapper<ApiException> {

    private static final Jsonb JSONB = JsonbBuilder.create();

    @Override
    public boolean handles(int status, MultivaluedMap<String, Object> headers) {
        return status >= 400;
    }

    @Override
    public ApiException toThrowable(Response response) {
        return new ApiException(
                response.getStatus(), problemOf(response), response.getHeaderString(HttpHeaders.RETRY_AFTER));
    }

    private static Problem problemOf(Response response) {
        try {
            response.bufferEntity();
            String body = response.readEntity(String.class);
            return body == null || !body.trim().startsWith("{") ? null : JSONB.fromJson(body, Problem.class);
        } catch (JsonbException | IllegalStateException | ProcessingException e) {
            return null;
        }
    }
}
