package dev.todo.api.telemetry;

import jakarta.enterprise.util.AnnotationLiteral;
import jakarta.interceptor.InterceptorBinding;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/** The interceptor binding of {@link DatabaseSpanInterceptor}; {@link TelemetryExtension} puts it on classes. */
@InterceptorBinding
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.TYPE)
@interface TracedStatements {

    final class Literal extends AnnotationLiteral<TracedStatements> implements TracedStatements {
        private static final long serialVersionUID = 1L;
        static final Literal INSTANCE = new Literal();
    }
}
