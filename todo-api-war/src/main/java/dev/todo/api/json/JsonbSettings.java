package dev.todo.api.json;

import jakarta.json.bind.Jsonb;
import jakarta.json.bind.JsonbBuilder;
import jakarta.json.bind.JsonbConfig;
import jakarta.ws.rs.ext.ContextResolver;
import jakarta.ws.rs.ext.Provider;

/**
 * Responses show absent values as {@code null} rather than leaving the member out: {@code "dueAt": null}. {@link #JSONB}
 * is that one instance, for code that writes JSON-B outside a response (tool results, problem details).
 */
@Provider
public class JsonbSettings implements ContextResolver<Jsonb> {

    public static final Jsonb JSONB = JsonbBuilder.create(new JsonbConfig().withNullValues(true));

    @Override
    public Jsonb getContext(Class<?> type) {
        return JSONB;
    }
}
