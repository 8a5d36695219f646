package dev.todo.api.telemetry;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * On a class that talks to PostgreSQL (a repository): while OpenTelemetry is on, every call of its business methods
 * inside a traced request becomes a span named after the statement, {@code TaskRepository.find}, without the
 * statement's text or values. While it is off (the default) the class is left as it is, with no interceptor in front
 * of it: {@link TelemetryExtension} binds {@link DatabaseSpanInterceptor} only when the {@code OTEL_*} settings turn
 * OpenTelemetry on.
 */
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.TYPE)
public @interface DatabaseSpans {}
