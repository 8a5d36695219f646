package dev.todo.api.mcp;

import static dev.todo.api.json.SharedJsonProvider.JSON;

import jakarta.json.JsonException;
import jakarta.json.JsonObject;
import jakarta.json.JsonReader;
import jakarta.json.JsonString;
import jakarta.json.JsonValue;
import java.io.StringReader;

/**
 * One JSON-RPC 2.0 message as a client posts it, checked before the MCP SDK sees it, so that every malformed body
 * gets a JSON-RPC error in plain words (the SDK would answer with its parser's text, which names Java classes).
 */
record JsonRpcMessage(Kind kind, JsonValue id, String method, JsonObject params) {

    enum Kind {
        REQUEST,
        NOTIFICATION,
        RESPONSE
    }

    static final int PARSE_ERROR = -32700;
    static final int INVALID_REQUEST = -32600;
    static final int METHOD_NOT_FOUND = -32601;
    static final int INVALID_PARAMS = -32602;
    static final int INTERNAL_ERROR = -32603;
    /** In the range JSON-RPC leaves to servers: the database is unavailable, try again shortly. */
    static final int UNAVAILABLE = -32000;

    /** A message that cannot be handled, with the id to answer under (null when it could not be read). */
    static final class Invalid extends Exception {
        private static final long serialVersionUID = 1L;

        private final int code;
        private final transient JsonValue id;

        Invalid(int code, String message, JsonValue id) {
            super(message, null, false, false);
            this.code = code;
            this.id = id;
        }

        int code() {
            return code;
        }

        JsonValue id() {
            return id;
        }
    }

    static JsonRpcMessage parse(String body) throws Invalid {
        JsonValue value;
        try (JsonReader reader = JSON.createReader(new StringReader(body))) {
            value = reader.readValue();
        } catch (JsonException | IllegalStateException e) {
            throw new Invalid(PARSE_ERROR, "Parse error: the body is not valid JSON.", JsonValue.NULL);
        }
        if (value.getValueType() == JsonValue.ValueType.ARRAY) {
            throw new Invalid(
                    INVALID_REQUEST, "Invalid Request: batches are not supported; send one message per request.", null);
        }
        if (value.getValueType() != JsonValue.ValueType.OBJECT) {
            throw new Invalid(INVALID_REQUEST, "Invalid Request: a JSON-RPC message is a JSON object.", null);
        }
        JsonObject message = value.asJsonObject();
        JsonValue id = message.get("id");
        if (id != null
                && id.getValueType() != JsonValue.ValueType.STRING
                && id.getValueType() != JsonValue.ValueType.NUMBER) {
            throw new Invalid(INVALID_REQUEST, "Invalid Request: id must be a string or a number.", null);
        }
        if (!"2.0".equals(string(message, "jsonrpc"))) {
            throw new Invalid(INVALID_REQUEST, "Invalid Request: jsonrpc must be \"2.0\".", id);
        }
        JsonValue method = message.get("method");
        if (method == null) {
            if (id != null && (message.containsKey("result") || message.containsKey("error"))) {
                return new JsonRpcMessage(Kind.RESPONSE, id, null, JsonValue.EMPTY_JSON_OBJECT);
            }
            throw new Invalid(INVALID_REQUEST, "Invalid Request: method is missing.", id);
        }
        if (method.getValueType() != JsonValue.ValueType.STRING) {
            throw new Invalid(INVALID_REQUEST, "Invalid Request: method must be a string.", id);
        }
        JsonValue params = message.get("params");
        if (params != null && params.getValueType() != JsonValue.ValueType.OBJECT) {
            throw new Invalid(INVALID_PARAMS, "Invalid params: params must be an object.", id);
        }
        JsonObject paramsObject = params == null ? JsonValue.EMPTY_JSON_OBJECT : params.asJsonObject();
        String name = ((JsonString) method).getString();
        if (id != null && "tools/call".equals(name)) {
            checkToolCall(paramsObject, id);
        }
        return new JsonRpcMessage(id == null ? Kind.NOTIFICATION : Kind.REQUEST, id, name, paramsObject);
    }

    private static void checkToolCall(JsonObject params, JsonValue id) throws Invalid {
        if (string(params, "name") == null) {
            throw new Invalid(INVALID_PARAMS, "Invalid params: tools/call needs the tool's name as a string.", id);
        }
        JsonValue arguments = params.get("arguments");
        if (arguments != null
                && arguments.getValueType() != JsonValue.ValueType.OBJECT
                && arguments.getValueType() != JsonValue.ValueType.NULL) {
            throw new Invalid(INVALID_PARAMS, "Invalid params: the tool's arguments must be an object.", id);
        }
    }

    private static String string(JsonObject object, String name) {
        JsonValue value = object.get(name);
        return value instanceof JsonString text ? text.getString() : null;
    }

    /** A JSON-RPC error response; {@code id} null or JSON null when the request's id is unknown. */
    static String error(JsonValue id, int code, String message) {
        return JSON.createObjectBuilder()
                .add("jsonrpc", "2.0")
                .add("id", id == null ? JsonValue.NULL : id)
                .add("error", JSON.createObjectBuilder().add("code", code).add("message", message))
                .build()
                .toString();
    }
}
