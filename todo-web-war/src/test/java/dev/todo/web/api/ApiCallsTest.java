package dev.todo.web.api;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import jakarta.ws.rs.ProcessingException;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import org.junit.jupiter.api.Test;

class ApiCallsTest {

    @Test
    void anAnswerIsReturnedOnceItArrives() {
        CompletableFuture<String> call = new CompletableFuture<>();
        CompletableFuture.runAsync(() -> call.complete("answer"));

        assertThat(ApiCalls.await(call)).isEqualTo("answer");
    }

    @Test
    void aRefusalIsThrownAsTheSameApiExceptionAsABlockingCallWould() {
        ApiException refused = new ApiException(401, null, null);

        assertThatThrownBy(() -> ApiCalls.await(CompletableFuture.failedFuture(refused)))
                .isSameAs(refused);
    }

    @Test
    void anApiThatDoesNotAnswerIsThrownAsTheProcessingException() {
        ProcessingException unreachable = new ProcessingException("Connection refused");

        assertThatThrownBy(() -> ApiCalls.await(CompletableFuture.failedFuture(unreachable)))
                .isSameAs(unreachable);
    }

    @Test
    void aCheckedFailureStaysWrapped() {
        Exception checked = new Exception("checked");

        assertThatThrownBy(() -> ApiCalls.await(CompletableFuture.failedFuture(checked)))
                .isInstanceOf(CompletionException.class)
                .hasCause(checked);
    }
}
