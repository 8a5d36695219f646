package dev.todo.api;

import jakarta.ws.rs.ApplicationPath;
import jakarta.ws.rs.core.Application;
import org.eclipse.microprofile.openapi.annotations.OpenAPIDefinition;
import org.eclipse.microprofile.openapi.annotations.enums.SecuritySchemeType;
import org.eclipse.microprofile.openapi.annotations.info.Info;
import org.eclipse.microprofile.openapi.annotations.security.SecurityScheme;
import org.eclipse.microprofile.openapi.annotations.servers.Server;

/**
 * The JAX-RS application; the WAR's context root is {@code /api}, so resources sit directly under it. Protected
 * resources ({@code @SignedIn}) need a bearer JWT that {@code TokenVerifier} verifies.
 */
@ApplicationPath("/")
@OpenAPIDefinition(
        info =
                @Info(
                        title = "Todo API",
                        version = "1.0",
                        description =
                                "Tasks with priorities, categories, tags, due dates and repetition, for signed-in users. "
                                        + "Sign up or log in at /auth to get a bearer token. Errors are application/problem+json."),
        servers = @Server(url = "/api"))
@SecurityScheme(securitySchemeName = "bearer", type = SecuritySchemeType.HTTP, scheme = "bearer", bearerFormat = "JWT")
public class TodoApiApplication extends Application {}
