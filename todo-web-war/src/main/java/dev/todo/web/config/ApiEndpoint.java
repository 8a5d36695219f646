package dev.todo.web.config;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.net.URI;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/** Where the API is: {@code TODO_API_URL}, e.g. {@code http://todo-api:9080/api} inside the cluster. */
@ApplicationScoped
public class ApiEndpoint {

    @Inject
    @ConfigProperty(name = "TODO_API_URL", defaultValue = "http://localhost:9081/api")
    String url;

    public URI baseUri() {
        return URI.create(url.endsWith("/") ? url : url + "/");
    }
}
