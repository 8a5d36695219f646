package dev.todo.support;

import java.nio.file.Path;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * The servers a test class needs, as a JUnit 5 extension: embedded PostgreSQL databases and the build's api and web
 * servers, each with the environment the test gives, on free ports. Everything made through it is stopped after the
 * class, in reverse order, whether its tests passed or not (and at JVM exit at the latest).
 *
 * <pre>{@code
 * @RegisterExtension
 * static final TestServers servers = new TestServers("two-server-mode");
 *
 * @BeforeAll
 * static void start() {
 *     TestDatabase database = servers.database();
 *     LibertyServer api = servers.api(Map.of("DATABASE_URL", database.url(), "AUTH_SECRET", SECRET)).awaitReady();
 * }
 * }</pre>
 *
 * <p>Classes that only read and write their own accounts use {@link #shared()}: one api and web pair on one database,
 * started for the first class that asks and stopped when the whole run ends.
 */
public final class TestServers implements BeforeAllCallback, AfterAllCallback {

    /** The shared pair's token key; tests that sign tokens themselves for it use this. */
    public static final String SHARED_AUTH_SECRET = "shared-pair-test-secret-of-at-least-32-bytes";

    private static final ExtensionContext.Namespace NAMESPACE = ExtensionContext.Namespace.create(TestServers.class);

    private final Path output;
    private final Deque<AutoCloseable> started = new ArrayDeque<>();
    private ExtensionContext.Store runStore;

    /** {@code name} names the directory under {@code target/} that holds the servers' logs and data. */
    public TestServers(String name) {
        this.output = Path.of("target", "servers", name).toAbsolutePath();
    }

    @Override
    public void beforeAll(ExtensionContext context) {
        runStore = context.getRoot().getStore(NAMESPACE);
    }

    @Override
    public void afterAll(ExtensionContext context) throws Exception {
        List<Exception> failures = new ArrayList<>();
        while (!started.isEmpty()) {
            try {
                started.pop().close();
            } catch (Exception e) {
                failures.add(e);
            }
        }
        if (!failures.isEmpty()) {
            Exception first = failures.get(0);
            failures.stream().skip(1).forEach(first::addSuppressed);
            throw first;
        }
    }

    public Path output() {
        return output;
    }

    /** An empty PostgreSQL 17 of this class's own. */
    public TestDatabase database() {
        return database("pgdata", Map.of());
    }

    /** An empty PostgreSQL 17 in {@code directory}, with settings such as {@code max_connections}. */
    public TestDatabase database(String directory, Map<String, String> serverConfig) {
        return track(TestDatabase.start(output.resolve(directory), serverConfig));
    }

    /** Starts an api server with exactly this environment; {@code instance} names its output directory. */
    public LibertyServer api(String instance, Map<String, String> environment) {
        return api(instance, Ports.free(), environment);
    }

    /** The same on a port chosen beforehand, for an environment that has to name it. */
    public LibertyServer api(String instance, int port, Map<String, String> environment) {
        return track(new LibertyServer("api", port, environment, output.resolve(instance)))
                .start();
    }

    public LibertyServer api(Map<String, String> environment) {
        return api("api", environment);
    }

    /** Starts a web server with exactly this environment; {@code instance} names its output directory. */
    public LibertyServer web(String instance, Map<String, String> environment) {
        return web(instance, Ports.free(), environment);
    }

    public LibertyServer web(String instance, int port, Map<String, String> environment) {
        return track(new LibertyServer("web", port, environment, output.resolve(instance)))
                .start();
    }

    public LibertyServer web(Map<String, String> environment) {
        return web("web", environment);
    }

    /** Stops {@code resource} with the class's servers (a browser, a proxy, a stub). */
    public <T extends AutoCloseable> T track(T resource) {
        started.push(resource);
        return resource;
    }

    /** The api and web pair shared by the classes that do not disturb it (stop, restart or reconfigure it). */
    public SharedPair shared() {
        if (runStore == null) {
            throw new IllegalStateException("register TestServers as a static @RegisterExtension field");
        }
        return runStore.getOrComputeIfAbsent(SharedPair.class, type -> SharedPair.start(), SharedPair.class);
    }

    /** One database, an api server on it and a web server on that api, ready; closed when the test run ends. */
    public static final class SharedPair implements AutoCloseable {

        public static final String DATABASE_PASSWORD = "shared-pair-db-password-never-logged-3f9a";

        private final TestDatabase database;
        private final LibertyServer api;
        private final LibertyServer web;

        private SharedPair(TestDatabase database, LibertyServer api, LibertyServer web) {
            this.database = database;
            this.api = api;
            this.web = web;
        }

        static SharedPair start() {
            Path output = Path.of("target", "servers", "shared").toAbsolutePath();
            TestDatabase database = TestDatabase.start(output.resolve("pgdata"), Map.of());
            try {
                LibertyServer api = new LibertyServer("api", apiEnvironment(database), output.resolve("api"));
                api.start();
                LibertyServer web = new LibertyServer(
                        "web",
                        Map.of("TODO_API_URL", api.baseUrl() + "/api", "AUTH_SECRET", SHARED_AUTH_SECRET),
                        output.resolve("web"));
                web.start();
                api.awaitReady();
                web.awaitReady();
                return new SharedPair(database, api, web);
            } catch (RuntimeException e) {
                database.close();
                throw e;
            }
        }

        private static Map<String, String> apiEnvironment(TestDatabase database) {
            Map<String, String> environment = new HashMap<>();
            environment.put(
                    "DATABASE_URL", database.url(DATABASE_PASSWORD, "sslmode=disable&application_name=shared-pair"));
            environment.put("AUTH_SECRET", SHARED_AUTH_SECRET);
            return environment;
        }

        public TestDatabase database() {
            return database;
        }

        public LibertyServer api() {
            return api;
        }

        public LibertyServer web() {
            return web;
        }

        @Override
        public void close() {
            web.close();
            api.close();
            database.close();
        }
    }
}
