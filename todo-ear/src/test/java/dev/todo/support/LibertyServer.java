package dev.todo.support;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;

/**
 * One of the build's Liberty servers ({@code api} or {@code web}, as {@code ./mvnw package} leaves them in the shared
 * runtime) run the way the README and the containers run it: {@code server run <name>} in the foreground, as a child
 * process, with exactly the environment given. Logs and the work area go to a directory of the test's own, so several
 * instances of one server can run side by side; each listens on a port picked when it is made.
 *
 * <p>Servers still running when the test JVM exits are stopped by a shutdown hook, so a failed or timed-out test
 * leaves none behind.
 */
public final class LibertyServer implements AutoCloseable {

    /** Variables that must come from the test, never from the machine running it. */
    private static final List<String> CONTROLLED = List.of(
            "DATABASE_URL",
            "AUTH_SECRET",
            "BETTER_AUTH_SECRET",
            "TODO_API_URL",
            "HTTP_PORT",
            "JVM_ARGS",
            "OPENAI_API_KEY",
            "XIAOMI_API_KEY",
            "OPENAI_BASE_URL",
            "AI_MODEL",
            "CORS_ORIGINS",
            "TRUSTED_PROXIES",
            "WLP_OUTPUT_DIR",
            "WLP_USER_DIR");

    private static final Duration START_LIMIT = Duration.ofSeconds(180);
    private static final Duration STOP_LIMIT = Duration.ofSeconds(60);
    private static final Set<LibertyServer> RUNNING = ConcurrentHashMap.newKeySet();

    static {
        Runtime.getRuntime()
                .addShutdownHook(new Thread(() -> RUNNING.forEach(LibertyServer::stop), "stop-liberty-servers"));
    }

    private final String name;
    private final int port;
    private final Map<String, String> environment;
    private final Path outputDirectory;
    private Process process;

    public LibertyServer(String name, Map<String, String> environment, Path outputDirectory) {
        this(name, Ports.free(), environment, outputDirectory);
    }

    public LibertyServer(String name, int port, Map<String, String> environment, Path outputDirectory) {
        this.name = name;
        this.port = port;
        this.environment = Map.copyOf(environment);
        this.outputDirectory = outputDirectory;
    }

    public static Path runtime() {
        return Path.of(System.getProperty("liberty.runtime.dir", "../target/liberty"))
                .resolve("wlp");
    }

    public int port() {
        return port;
    }

    public String baseUrl() {
        return "http://localhost:" + port;
    }

    public Map<String, String> environment() {
        return environment;
    }

    public Path messagesLog() {
        return outputDirectory.resolve(name).resolve("logs").resolve("messages.log");
    }

    /** The server JVM's process id. */
    public long pid() {
        if (process == null) {
            throw new IllegalStateException(name + " is not running");
        }
        return process.pid();
    }

    public String log() throws IOException {
        return Files.isRegularFile(messagesLog()) ? Files.readString(messagesLog(), StandardCharsets.UTF_8) : "";
    }

    /** What the server wrote to its console (standard output and error), as a container's log would show it. */
    public String consoleLog() {
        return read(outputDirectory.resolve(name + "-console.log"));
    }

    public boolean isRunning() {
        return process != null && process.isAlive();
    }

    /**
     * Starts the server and returns once Liberty reports it started (CWWKF0011I), which is before it is ready: a
     * test that needs readiness waits for it with {@link #awaitReady()}.
     */
    public synchronized LibertyServer start() {
        if (isRunning()) {
            return this;
        }
        awaitPortBindable();
        Path console = outputDirectory.resolve(name + "-console.log");
        ProcessBuilder builder = new ProcessBuilder(
                        runtime().resolve("bin").resolve("server").toString(), "run", name)
                .redirectErrorStream(true)
                .redirectOutput(console.toFile());
        Map<String, String> processEnvironment = builder.environment();
        CONTROLLED.forEach(processEnvironment::remove);
        // Telemetry and logging settings of the machine running the tests would change what the servers export.
        processEnvironment.keySet().removeIf(key -> key.startsWith("OTEL_") || key.startsWith("WLP_LOGGING_"));
        Map<String, String> settings = new HashMap<>(environment);
        // The api ships with C2 for throughput under load; a test's server lives for seconds, where C2's compiles
        // only slow its start on two cores. The JIT changes no behaviour, and JVM_ARGS come after jvm.options.
        settings.put("JVM_ARGS", "-XX:TieredStopAtLevel=1");
        settings.put("HTTP_PORT", Integer.toString(port));
        settings.put("WLP_OUTPUT_DIR", outputDirectory.toString());
        processEnvironment.putAll(settings);
        try {
            Files.createDirectories(outputDirectory);
            process = builder.start();
        } catch (IOException e) {
            throw new UncheckedIOException("could not run server " + name, e);
        }
        RUNNING.add(this);
        awaitStarted(console);
        return this;
    }

    /** Waits until {@code /health/ready} answers UP. */
    public LibertyServer awaitReady() {
        Http.awaitResponse(baseUrl() + "/health/ready", Http::isUp, START_LIMIT);
        return this;
    }

    /** Stops the server as a container runtime does: SIGTERM, so that Liberty shuts down in order. */
    public synchronized void stop() {
        if (process == null) {
            return;
        }
        process.destroy();
        try {
            if (!process.waitFor(STOP_LIMIT.toSeconds(), TimeUnit.SECONDS)) {
                process.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
            }
        } catch (InterruptedException e) {
            process.destroyForcibly();
            Thread.currentThread().interrupt();
        }
        RUNNING.remove(this);
        process = null;
    }

    @Override
    public void close() {
        stop();
    }

    private void awaitStarted(Path console) {
        Instant deadline = Instant.now().plus(START_LIMIT);
        while (Instant.now().isBefore(deadline)) {
            String output = read(console);
            if (output.contains("CWWKF0011I")) {
                return;
            }
            if (!process.isAlive()) {
                RUNNING.remove(this);
                throw new IllegalStateException("server run " + name + " exited with " + process.exitValue()
                        + " before it started; its output:\n" + tail(output));
            }
            sleep();
        }
        stop();
        throw new IllegalStateException("server " + name + " did not start within " + START_LIMIT + "; see " + console);
    }

    /**
     * A server started again on its port must wait until the previous process has let go of its listening socket, as
     * Liberty does not retry a failed bind. The probe binds with SO_REUSEADDR, as Liberty's own listener does (its
     * {@code soReuseAddr} defaults to true): without it the probe would also wait out the minute that Linux keeps
     * the closed connections of the previous run in TIME_WAIT, which do not stop Liberty from binding.
     */
    private void awaitPortBindable() {
        Instant deadline = Instant.now().plus(Duration.ofSeconds(90));
        while (Instant.now().isBefore(deadline)) {
            try (ServerSocket socket = new ServerSocket()) {
                socket.setReuseAddress(true);
                socket.bind(new InetSocketAddress(port));
                return;
            } catch (IOException e) {
                sleep();
            }
        }
    }

    private static String read(Path file) {
        try {
            return Files.isRegularFile(file) ? Files.readString(file, StandardCharsets.UTF_8) : "";
        } catch (IOException e) {
            return "";
        }
    }

    private static String tail(String output) {
        return output.length() <= 4000 ? output : output.substring(output.length() - 4000);
    }

    private static void sleep() {
        try {
            Thread.sleep(100);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
