package dev.todo.api.telemetry;

import com.openai.models.chat.completions.ChatCompletion;
import com.openai.models.completions.CompletionUsage;
import io.opentelemetry.api.common.AttributeKey;
import io.opentelemetry.api.trace.Span;
import io.opentelemetry.api.trace.SpanKind;
import io.opentelemetry.api.trace.StatusCode;
import io.opentelemetry.api.trace.Tracer;
import io.opentelemetry.context.Scope;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Duration;
import java.util.function.Supplier;

/**
 * One round with the model provider, observed: a span in the OpenTelemetry GenAI conventions ({@code chat
 * gpt-4o-mini}, with the model and the tokens the provider counted) and the {@code todo.model.*} metrics. Neither
 * carries the prompt, the reply or the key.
 */
@ApplicationScoped
public class ModelCalls {

    static final AttributeKey<String> OPERATION = AttributeKey.stringKey("gen_ai.operation.name");
    static final AttributeKey<String> REQUEST_MODEL = AttributeKey.stringKey("gen_ai.request.model");
    static final AttributeKey<String> RESPONSE_MODEL = AttributeKey.stringKey("gen_ai.response.model");
    static final AttributeKey<Long> INPUT_TOKENS = AttributeKey.longKey("gen_ai.usage.input_tokens");
    static final AttributeKey<Long> OUTPUT_TOKENS = AttributeKey.longKey("gen_ai.usage.output_tokens");

    @Inject
    Tracer tracer;

    @Inject
    AppMetrics metrics;

    /** Runs {@code call}, the request for one answer of {@code model}, and returns or rethrows what it did. */
    public ChatCompletion round(String model, Supplier<ChatCompletion> call) {
        Span span = tracer.spanBuilder("chat " + model)
                .setSpanKind(SpanKind.CLIENT)
                .setAttribute(OPERATION, "chat")
                .setAttribute(REQUEST_MODEL, model)
                .startSpan();
        long begin = System.nanoTime();
        try (Scope scope = span.makeCurrent()) {
            ChatCompletion completion = call.get();
            long input = completion.usage().map(CompletionUsage::promptTokens).orElse(-1L);
            long output =
                    completion.usage().map(CompletionUsage::completionTokens).orElse(-1L);
            span.setAttribute(RESPONSE_MODEL, completion.model());
            if (input >= 0) {
                span.setAttribute(INPUT_TOKENS, input);
                span.setAttribute(OUTPUT_TOKENS, output);
            }
            metrics.modelRound(model, true, Duration.ofNanos(System.nanoTime() - begin), input, output);
            return completion;
        } catch (RuntimeException e) {
            span.setStatus(StatusCode.ERROR);
            span.setAttribute(DatabaseSpanInterceptor.ERROR_TYPE, e.getClass().getName());
            metrics.modelRound(model, false, Duration.ofNanos(System.nanoTime() - begin), -1, -1);
            throw e;
        } finally {
            span.end();
        }
    }
}
