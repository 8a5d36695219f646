package dev.todo.api.telemetry;

import jakarta.interceptor.InterceptorBinding;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * On a class that talks to PostgreSQL (a repository): every call of its business methods inside a traced request
 * becomes a span named after the statement, {@code TaskRepository.find}, without the statement's text or values.
 */
@InterceptorBinding
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.TYPE)
public @interface DatabaseSpans {}
