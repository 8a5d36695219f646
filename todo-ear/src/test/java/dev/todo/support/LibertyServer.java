package dev.todo.support;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * One of the build's Liberty servers ({@code api} or {@code web}, as {@code ./mvnw package} leaves them in the shared
 * runtime) run as its own process with exactly the environment given, the way a container runs it. Logs and the
 * work area go to a directory of the test's own, so several instances of one server can run side by side.
 */
public final class LibertyServer implements AutoCloseable {

    /** Variables that must come from the test, never from the machine running it. */
    private static final List<String> CONTROLLED = List.of(
            "DATABASE_URL",
            "AUTH_SECRET",
            "BETTER_AUTH_SECRET",
            "TODO_API_URL",
            "HTTP_PORT",
            "OPENAI_API_KEY",
            "XIAOMI_API_KEY",
            "OPENAI_BASE_URL",
            "AI_MODEL",
            "CORS_ORIGINS",
            "WLP_OUTPUT_DIR",
            "WLP_USER_DIR");

    private final String name;
    private final int port;
    private final Map<String, String> environment;
    private final Path outputDirectory;
    private boolean running;

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

    public String baseUrl() {
        return "http://localhost:" + port;
    }

    public Path messagesLog() {
        return outputDirectory.resolve(name).resolve("logs").resolve("messages.log");
    }

    /** The server JVM's process id, from the pid file Liberty keeps in the output directory while it runs. */
    public long pid() throws IOException {
        return Long.parseLong(Files.readString(outputDirectory.resolve(".pid").resolve(name + ".pid"))
                .strip());
    }

    public String log() throws IOException {
        return Files.isRegularFile(messagesLog()) ? Files.readString(messagesLog(), StandardCharsets.UTF_8) : "";
    }

    public LibertyServer start() {
        run("start");
        running = true;
        return this;
    }

    public void stop() {
        if (running) {
            run("stop");
            running = false;
        }
    }

    @Override
    public void close() {
        stop();
    }

    private void run(String action) {
        ProcessBuilder builder = new ProcessBuilder(
                        runtime().resolve("bin").resolve("server").toString(), action, name)
                .redirectErrorStream(true)
                .redirectOutput(
                        outputDirectory.resolve(name + "-" + action + ".out").toFile());
        Map<String, String> processEnvironment = builder.environment();
        CONTROLLED.forEach(processEnvironment::remove);
        Map<String, String> settings = new HashMap<>(environment);
        settings.put("HTTP_PORT", Integer.toString(port));
        settings.put("WLP_OUTPUT_DIR", outputDirectory.toString());
        processEnvironment.putAll(settings);
        try {
            Files.createDirectories(outputDirectory);
            Process process = builder.start();
            if (!process.waitFor(180, TimeUnit.SECONDS)) {
                process.destroyForcibly();
                throw new IllegalStateException("server " + action + " " + name + " did not finish in 180 s");
            }
            if (process.exitValue() != 0 && !("stop".equals(action) && process.exitValue() == 1)) {
                throw new IllegalStateException("server " + action + " " + name + " exited with " + process.exitValue()
                        + "; see " + outputDirectory);
            }
        } catch (IOException e) {
            throw new IllegalStateException("could not run server " + action + " " + name, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
