package dev.todo.api;

import jakarta.ws.rs.ApplicationPath;
import jakarta.ws.rs.core.Application;

/** The JAX-RS application; the WAR's context root is {@code /api}, so resources sit directly under it. */
@ApplicationPath("/")
public class TodoApiApplication extends Application {
}
