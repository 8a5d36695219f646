package dev.todo.web.telemetry;

import io.opentelemetry.api.trace.Span;
import io.opentelemetry.api.trace.SpanContext;
import jakarta.servlet.ServletContextEvent;
import jakarta.servlet.ServletContextListener;
import jakarta.servlet.annotation.WebListener;
import java.lang.reflect.Method;
import java.lang.reflect.Proxy;
import java.util.function.Function;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Puts the trace and span id of the current span into every log record Liberty writes, as the JSON log fields
 * {@code ext_traceId} and {@code ext_spanId}, so that the log lines of a request can be found from its trace. Liberty
 * asks the extensions registered with its {@code LogRecordContext} for their values on the thread that logs; outside
 * a traced request they answer null and the fields are left out.
 *
 * <p>{@code LogRecordContext} is an API of the Liberty kernel that is not published as a Maven artifact, so it is
 * reached by reflection, once at start-up. The registry is one per server: where another application of the server
 * registered the fields first (the local loop runs both WARs), that registration serves both.
 */
@WebListener
public class LogTraceIds implements ServletContextListener {

    private static final Logger LOG = Logger.getLogger(LogTraceIds.class.getName());
    private static final String LOG_RECORD_CONTEXT = "com.ibm.websphere.logging.hpel.LogRecordContext";
    static final String TRACE_ID = "traceId";
    static final String SPAN_ID = "spanId";

    /** Liberty holds extensions weakly: these references keep them for as long as the application runs. */
    private Object traceIdField;

    private Object spanIdField;

    private boolean registered;

    @Override
    public void contextInitialized(ServletContextEvent event) {
        try {
            Class<?> context = Class.forName(LOG_RECORD_CONTEXT);
            Class<?> extension = Class.forName(LOG_RECORD_CONTEXT + "$Extension");
            Method register = context.getMethod("registerExtension", String.class, extension);
            traceIdField = extension(extension, SpanContext::getTraceId);
            spanIdField = extension(extension, SpanContext::getSpanId);
            register.invoke(null, TRACE_ID, traceIdField);
            register.invoke(null, SPAN_ID, spanIdField);
            registered = true;
        } catch (ClassNotFoundException e) {
            LOG.fine("Not on Liberty: log records carry no trace ids");
        } catch (ReflectiveOperationException | RuntimeException e) {
            LOG.log(Level.FINE, "Trace ids in log records were registered before, or cannot be: {0}", e.toString());
        }
    }

    @Override
    public void contextDestroyed(ServletContextEvent event) {
        if (!registered) {
            return;
        }
        try {
            Method unregister = Class.forName(LOG_RECORD_CONTEXT).getMethod("unregisterExtension", String.class);
            unregister.invoke(null, TRACE_ID);
            unregister.invoke(null, SPAN_ID);
            traceIdField = null;
            spanIdField = null;
        } catch (ReflectiveOperationException | RuntimeException e) {
            LOG.log(Level.FINE, "Trace ids in log records could not be unregistered: {0}", e.toString());
        }
    }

    /** An {@code Extension} whose {@code getValue()} reads the current span; null outside one. */
    private static Object extension(Class<?> type, Function<SpanContext, String> field) {
        return Proxy.newProxyInstance(
                LogTraceIds.class.getClassLoader(),
                new Class<?>[] {type},
                (proxy, method, arguments) -> switch (method.getName()) {
                    case "getValue" -> {
                        SpanContext span = Span.current().getSpanContext();
                        yield span.isValid() ? field.apply(span) : null;
                    }
                    case "hashCode" -> System.identityHashCode(proxy);
                    case "equals" -> proxy == arguments[0];
                    default -> "trace id extension";
                });
    }
}
