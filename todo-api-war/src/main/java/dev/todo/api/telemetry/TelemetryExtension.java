package dev.todo.api.telemetry;

import jakarta.enterprise.event.Observes;
import jakarta.enterprise.inject.spi.Extension;
import jakarta.enterprise.inject.spi.ProcessAnnotatedType;
import jakarta.enterprise.inject.spi.WithAnnotations;
import org.eclipse.microprofile.config.ConfigProvider;

/**
 * Puts the span interceptor in front of the {@link DatabaseSpans} classes only when OpenTelemetry is on, so that
 * with it off (the default) a repository call costs what it did before telemetry existed: a CDI interceptor is a
 * few microseconds per call even when it only steps aside, and a list request makes three such calls.
 *
 * <p>On means {@code otel.sdk.disabled=false} as MicroProfile Config sees it: the {@code OTEL_SDK_DISABLED}
 * environment variable (what the charts and the README set), a system property or the application's configuration.
 */
public class TelemetryExtension implements Extension {

    void bindSpans(@Observes @WithAnnotations(DatabaseSpans.class) ProcessAnnotatedType<?> type) {
        if (openTelemetryOn() && type.getAnnotatedType().isAnnotationPresent(DatabaseSpans.class)) {
            type.configureAnnotatedType().add(TracedStatements.Literal.INSTANCE);
        }
    }

    static boolean openTelemetryOn() {
        return ConfigProvider.getConfig()
                .getOptionalValue("otel.sdk.disabled", String.class)
                .map(disabled -> disabled.strip().equalsIgnoreCase("false"))
                .orElse(false);
    }
}
