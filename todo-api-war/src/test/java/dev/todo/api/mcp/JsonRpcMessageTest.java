package dev.todo.api.mcp;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import jakarta.json.Json;
import org.junit.jupiter.api.Test;

class JsonRpcMessageTest {

    private static JsonRpcMessage.Invalid refusal(String body) {
        return catchThrowableOfType(() -> JsonRpcMessage.parse(body), JsonRpcMessage.Invalid.class);
    }

    @Test
    void aRequestANotificationAndAResponseAreTold() throws JsonRpcMessage.Invalid {
        assertThat(JsonRpcMessage.parse("{\"jsonrpc\":\"2.0\",\"id\":1,\"method\":\"tools/list\"}")
                        .kind())
                .isEqualTo(JsonRpcMessage.Kind.REQUEST);
        assertThat(JsonRpcMessage.parse("{\"jsonrpc\":\"2.0\",\"method\":\"notifications/initialized\"}")
                        .kind())
                .isEqualTo(JsonRpcMessage.Kind.NOTIFICATION);
        assertThat(JsonRpcMessage.parse("{\"jsonrpc\":\"2.0\",\"id\":\"a\",\"result\":{}}")
                        .kind())
                .isEqualTo(JsonRpcMessage.Kind.RESPONSE);
    }

    @Test
    void malformedJsonIsAParseError() {
        JsonRpcMessage.Invalid invalid = refusal("{\"jsonrpc\": \"2.0\", ");

        assertThat(invalid.code()).isEqualTo(JsonRpcMessage.PARSE_ERROR);
        assertThat(invalid.getMessage()).isEqualTo("Parse error: the body is not valid JSON.");
    }

    @Test
    void shapesThatAreNotJsonRpcAreInvalidRequests() {
        assertThat(refusal("[]").code()).isEqualTo(JsonRpcMessage.INVALID_REQUEST);
        assertThat(refusal("42").code()).isEqualTo(JsonRpcMessage.INVALID_REQUEST);
        assertThat(refusal("{\"id\":1,\"method\":\"ping\"}").code()).isEqualTo(JsonRpcMessage.INVALID_REQUEST);
        assertThat(refusal("{\"jsonrpc\":\"2.0\",\"id\":{},\"method\":\"ping\"}")
                        .code())
                .isEqualTo(JsonRpcMessage.INVALID_REQUEST);
        assertThat(refusal("{\"jsonrpc\":\"2.0\",\"id\":1,\"method\":7}").code())
                .isEqualTo(JsonRpcMessage.INVALID_REQUEST);
    }

    @Test
    void aToolCallNeedsANameAndObjectArguments() {
        JsonRpcMessage.Invalid noName =
                refusal("{\"jsonrpc\":\"2.0\",\"id\":3,\"method\":\"tools/call\",\"params\":{}}");
        JsonRpcMessage.Invalid textArguments = refusal("{\"jsonrpc\":\"2.0\",\"id\":4,\"method\":\"tools/call\","
                + "\"params\":{\"name\":\"get_stats\",\"arguments\":\"all\"}}");

        assertThat(noName.code()).isEqualTo(JsonRpcMessage.INVALID_PARAMS);
        assertThat(noName.id()).isEqualTo(Json.createValue(3));
        assertThat(textArguments.code()).isEqualTo(JsonRpcMessage.INVALID_PARAMS);
        assertThat(textArguments.getMessage()).contains("arguments must be an object");
    }

    @Test
    void errorsCarryTheRequestsIdOrNull() {
        assertThat(JsonRpcMessage.error(Json.createValue(7), -32601, "Method not found: x"))
                .isEqualTo(
                        "{\"jsonrpc\":\"2.0\",\"id\":7,\"error\":{\"code\":-32601,\"message\":\"Method not found: x\"}}");
        assertThat(JsonRpcMessage.error(null, -32700, "Parse error")).contains("\"id\":null");
    }
}
