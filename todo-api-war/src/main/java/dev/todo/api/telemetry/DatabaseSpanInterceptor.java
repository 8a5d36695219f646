package dev.todo.api.telemetry;

import io.opentelemetry.api.common.AttributeKey;
import io.opentelemetry.api.trace.Span;
import io.opentelemetry.api.trace.SpanKind;
import io.opentelemetry.api.trace.StatusCode;
import io.opentelemetry.api.trace.Tracer;
import io.opentelemetry.context.Scope;
import jakarta.annotation.Priority;
import jakarta.inject.Inject;
import jakarta.interceptor.AroundInvoke;
import jakarta.interceptor.Interceptor;
import jakarta.interceptor.InvocationContext;
import java.lang.reflect.Method;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The span of one repository call. Only the statement's name goes into it (the class and method that run it, and
 * the database system): never the query text, its parameters or anything it returns, and of a failure only the
 * exception's type, since database messages quote values.
 *
 * <p>It is bound only while OpenTelemetry is on ({@link TelemetryExtension}); even then, work that no traced request
 * started gets no span of its own.
 */
@TracedStatements
@Interceptor
@Priority(Interceptor.Priority.APPLICATION)
public class DatabaseSpanInterceptor {

    static final AttributeKey<String> DB_SYSTEM = AttributeKey.stringKey("db.system.name");
    static final AttributeKey<String> DB_OPERATION = AttributeKey.stringKey("db.operation.name");
    static final AttributeKey<String> CODE_FUNCTION = AttributeKey.stringKey("code.function.name");
    static final AttributeKey<String> ERROR_TYPE = AttributeKey.stringKey("error.type");

    private static final Map<Method, String> NAMES = new ConcurrentHashMap<>();

    @Inject
    Tracer tracer;

    @AroundInvoke
    public Object span(InvocationContext invocation) throws Exception {
        if (!Span.current().getSpanContext().isValid()) {
            return invocation.proceed();
        }
        Method method = invocation.getMethod();
        Span span = tracer.spanBuilder(NAMES.computeIfAbsent(method, DatabaseSpanInterceptor::statementName))
                .setSpanKind(SpanKind.CLIENT)
                .setAttribute(DB_SYSTEM, "postgresql")
                .setAttribute(DB_OPERATION, method.getName())
                .setAttribute(CODE_FUNCTION, method.getDeclaringClass().getName() + "." + method.getName())
                .startSpan();
        try (Scope scope = span.makeCurrent()) {
            return invocation.proceed();
        } catch (Exception | Error e) {
            span.setStatus(StatusCode.ERROR);
            span.setAttribute(ERROR_TYPE, e.getClass().getName());
            throw e;
        } finally {
            span.end();
        }
    }

    static String statementName(Method method) {
        return method.getDeclaringClass().getSimpleName() + "." + method.getName();
    }
}
