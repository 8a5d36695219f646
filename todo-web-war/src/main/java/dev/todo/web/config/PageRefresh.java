package dev.todo.web.config;

import jakarta.servlet.ServletContainerInitializer;
import jakarta.servlet.ServletContext;
import java.util.Set;
import org.eclipse.microprofile.config.ConfigProvider;

/**
 * Lets the local loop see an edited page at once. In the Production stage Faces compiles each page once and never looks
 * at it again; the local server's configuration sets {@value #REFRESH_PERIOD} (seconds) through MicroProfile Config, so
 * Faces checks the page for changes, while the api and web servers of a deployment keep the default.
 */
public class PageRefresh implements ServletContainerInitializer {

    static final String REFRESH_PERIOD = "jakarta.faces.FACELETS_REFRESH_PERIOD";

    @Override
    public void onStartup(Set<Class<?>> classes, ServletContext context) {
        ConfigProvider.getConfig(PageRefresh.class.getClassLoader())
                .getOptionalValue(REFRESH_PERIOD, Integer.class)
                .ifPresent(seconds -> context.setInitParameter(REFRESH_PERIOD, Integer.toString(seconds)));
    }
}
