package dev.todo.api.json;

import jakarta.json.spi.JsonProvider;

/**
 * The JSON-P provider, looked up once for the whole application. {@code JSON.createReader}, {@code createValue} and the
 * builders look the provider up with a {@code ServiceLoader} on every call, and through Liberty's class loaders that
 * was an eighth of a list request's CPU (perf/HISTORY.md). Use {@link #JSON} where {@code Json} would be used.
 */
public final class SharedJsonProvider {

    public static final JsonProvider JSON = JsonProvider.provider();

    private SharedJsonProvider() {}
}
