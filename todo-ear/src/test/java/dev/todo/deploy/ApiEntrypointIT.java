package dev.todo.deploy;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/**
 * liberty/api/entrypoint.sh, the api image's entry point, run by sh as the image runs it: Liberty gets the same LTPA
 * keys password at every start of a pod, also from a Secret that has no ltpa_keys_password (the seed's).
 */
class ApiEntrypointIT {

    private static final Path ENTRYPOINT = Charts.repositoryRoot().resolve("liberty/api/entrypoint.sh");
    private static final String SECRET = "a-token-secret-of-at-least-thirty-two-bytes";
    /** What the server process would see: the variable, or UNSET. */
    private static final String PRINT_PASSWORD = "printf %s \"${ltpa_keys_password-UNSET}\"";

    @Test
    void derivesTheSamePasswordAtEveryStartFromTheTokenSecret() throws Exception {
        String first = passwordSeenWith(Map.of("AUTH_SECRET", SECRET));
        String second = passwordSeenWith(Map.of("AUTH_SECRET", SECRET));

        assertThat(first).matches("[0-9a-f]{64}").isEqualTo(second).doesNotContain(SECRET);
    }

    @Test
    void theSeedsSecretNameGivesTheSamePassword() throws Exception {
        assertThat(passwordSeenWith(Map.of("BETTER_AUTH_SECRET", SECRET)))
                .isEqualTo(passwordSeenWith(Map.of("AUTH_SECRET", SECRET)));
    }

    @Test
    void anotherTokenSecretGivesAnotherPassword() throws Exception {
        assertThat(passwordSeenWith(Map.of("AUTH_SECRET", SECRET + "-rotated")))
                .isNotEqualTo(passwordSeenWith(Map.of("AUTH_SECRET", SECRET)));
    }

    @Test
    void aPasswordFromTheSecretWins() throws Exception {
        assertThat(passwordSeenWith(Map.of("AUTH_SECRET", SECRET, "ltpa_keys_password", "from-the-secret")))
                .isEqualTo("from-the-secret");
    }

    @Test
    void withoutATokenSecretNothingIsMadeUp() throws Exception {
        assertThat(passwordSeenWith(Map.of())).isEqualTo("UNSET");
    }

    @Test
    void theCommandRunsWithItsOwnArgumentsAndExitCode() throws Exception {
        Result result = run(Map.of(), "sh", "-c", "printf '%s|' \"$@\"; exit 7", "server", "run two", "defaultServer");

        assertThat(result.output()).isEqualTo("run two|defaultServer|");
        assertThat(result.exitCode()).isEqualTo(7);
    }

    private static String passwordSeenWith(Map<String, String> environment) throws Exception {
        Result result = run(environment, "sh", "-c", PRINT_PASSWORD);
        assertThat(result.exitCode()).as(result.output()).isZero();
        return result.output();
    }

    private static Result run(Map<String, String> environment, String... command)
            throws IOException, InterruptedException {
        List<String> line = new ArrayList<>(List.of("sh", ENTRYPOINT.toString()));
        line.addAll(List.of(command));
        ProcessBuilder builder = new ProcessBuilder(line).redirectErrorStream(true);
        String path = System.getenv("PATH");
        builder.environment().clear();
        builder.environment().put("PATH", path);
        builder.environment().putAll(environment);
        Process process = builder.start();
        String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(process.waitFor(30, TimeUnit.SECONDS)).isTrue();
        return new Result(process.exitValue(), output);
    }

    private record Result(int exitCode, String output) {}
}
