package dev.todo.api.telemetry;

import dev.todo.api.tools.ToolResult;
import io.opentelemetry.api.common.AttributeKey;
import io.opentelemetry.api.trace.Span;
import io.opentelemetry.api.trace.StatusCode;
import io.opentelemetry.api.trace.Tracer;
import io.opentelemetry.context.Scope;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.function.Supplier;

/**
 * One task tool call (from the assistant or an MCP client), observed: a span {@code execute_tool create_task} with
 * the tool and its outcome, and the {@code todo.tool.calls} counter. The arguments and the result stay out of both.
 */
@ApplicationScoped
public class ToolCalls {

    static final AttributeKey<String> TOOL_NAME = AttributeKey.stringKey("gen_ai.tool.name");
    static final AttributeKey<String> OUTCOME = AttributeKey.stringKey("todo.tool.outcome");

    @Inject
    Tracer tracer;

    @Inject
    AppMetrics metrics;

    /** {@code tool} is the tool's name when the catalogue has it, else {@code unknown}. */
    public ToolResult call(String tool, Supplier<ToolResult> call) {
        Span span = tracer.spanBuilder("execute_tool " + tool)
                .setAttribute(ModelCalls.OPERATION, "execute_tool")
                .setAttribute(TOOL_NAME, tool)
                .startSpan();
        ToolOutcome outcome = ToolOutcome.ERROR;
        try (Scope scope = span.makeCurrent()) {
            ToolResult result = call.get();
            outcome = result.error() ? ToolOutcome.FAILED : ToolOutcome.OK;
            return result;
        } catch (RuntimeException e) {
            span.setStatus(StatusCode.ERROR);
            span.setAttribute(DatabaseSpanInterceptor.ERROR_TYPE, e.getClass().getName());
            throw e;
        } finally {
            span.setAttribute(OUTCOME, outcome.label());
            span.end();
            metrics.toolCall(tool, outcome);
        }
    }
}
