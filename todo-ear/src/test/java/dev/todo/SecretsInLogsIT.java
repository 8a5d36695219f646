package dev.todo;

import static org.assertj.core.api.Assertions.assertThat;

import dev.todo.support.LibertyServer;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * No secret, token or password in any log the test run left: the local-it server's and those of every server the
 * tests started under {@code target/servers} (messages, console output, FFDC reports). Runs last, in a failsafe
 * execution of its own after the others and after the local-it server stopped (see todo-ear's pom).
 *
 * <p>The secrets are the ones the tests use, read from the test sources themselves, so a secret a new test adds is
 * checked too: every string constant or variable with "secret", "password" or "key" in its name, every password in a
 * request body, and the secrets of local-it.env. Besides those, nothing that looks like a JWT or a bearer token, nor
 * a password of the {@code password-<Name>} form that ApiClient gives new users.
 */
class SecretsInLogsIT {

    private static final Pattern NAMED_LITERAL =
            Pattern.compile("(?i)\\bString\\s+\\w*(secret|password|passwd|key)\\w*\\s*=\\s*\"([^\"\\\\]{8,})\";");
    private static final Pattern JSON_PASSWORD =
            Pattern.compile("\\\\\"password\\\\\":\\s*\\\\\"([^\\\\\"]{6,})\\\\\"");
    private static final Pattern BUILT_PASSWORD =
            Pattern.compile("\"(?:current|new)?[pP]assword\",\\s*\"([^\"]{6,})\"");
    private static final Pattern ENV_SECRET = Pattern.compile("(?m)^\\w*(SECRET|KEY|PASSWORD)\\w*=(.+)$");
    private static final List<Pattern> SHAPES = List.of(
            Pattern.compile("eyJ[A-Za-z0-9_-]{10,}\\.eyJ[A-Za-z0-9_-]{10,}"),
            Pattern.compile("(?i)bearer\\s+[A-Za-z0-9._~+/-]{20,}"),
            Pattern.compile("password-[A-Z][a-z]+"));

    private static Set<String> secrets;
    private static List<Path> logs;

    @BeforeAll
    static void collect() throws IOException {
        secrets = secretsOfTheTests(Path.of(System.getProperty("test.sources.dir", "src/test")));
        List<Path> roots = List.of(
                Path.of("target", "servers"),
                LibertyServer.runtime()
                        .resolve("usr")
                        .resolve("servers")
                        .resolve("local-it")
                        .resolve("logs"));
        logs = new ArrayList<>();
        for (Path root : roots) {
            if (Files.isDirectory(root)) {
                try (Stream<Path> files = Files.walk(root)) {
                    files.filter(Files::isRegularFile)
                            .filter(SecretsInLogsIT::isLog)
                            .forEach(logs::add);
                }
            }
        }
    }

    @Test
    void theRunLeftLogsToReadAndTheTestsUseSecretsToLookFor() {
        assertThat(logs)
                .as("the local-it server's log")
                .anyMatch(path -> path.endsWith(Path.of("local-it", "logs", "messages.log")));
        assertThat(secrets)
                .contains("stub-key-for-tests", "shared-pair-db-password-never-logged-3f9a")
                .hasSizeGreaterThan(15);
    }

    @Test
    void noLogHoldsASecretATokenOrAPassword() throws IOException {
        List<String> findings = new ArrayList<>();
        for (Path log : logs) {
            String text = Files.readString(log, StandardCharsets.ISO_8859_1);
            for (String secret : secrets) {
                if (text.contains(secret)) {
                    findings.add(log + ": the test secret " + masked(secret));
                }
            }
            for (Pattern shape : SHAPES) {
                Matcher found = shape.matcher(text);
                if (found.find()) {
                    findings.add(log + ": something shaped like " + shape + ": " + masked(found.group()));
                }
            }
        }
        assertThat(findings).as("secrets in " + logs.size() + " log files").isEmpty();
    }

    private static boolean isLog(Path file) {
        String name = file.getFileName().toString();
        return (name.endsWith(".log") || name.endsWith(".txt"))
                && !file.toString().contains("workarea");
    }

    static Set<String> secretsOfTheTests(Path sources) throws IOException {
        Set<String> found = new TreeSet<>();
        try (Stream<Path> files = Files.walk(sources)) {
            for (Path file : files.filter(Files::isRegularFile).toList()) {
                String text = Files.readString(file, StandardCharsets.UTF_8);
                if (file.toString().endsWith(".java")) {
                    add(found, NAMED_LITERAL, 2, text);
                    add(found, JSON_PASSWORD, 1, text);
                    add(found, BUILT_PASSWORD, 1, text);
                } else if (file.toString().endsWith(".env")) {
                    add(found, ENV_SECRET, 2, text);
                }
            }
        }
        return found;
    }

    /** Literals that are templates (a shell command, a format) rather than secrets are left out. */
    private static void add(Set<String> found, Pattern pattern, int group, String text) {
        Matcher matcher = pattern.matcher(text);
        while (matcher.find()) {
            String value = matcher.group(group).strip();
            if (!value.contains("${") && !value.contains("%s") && !value.contains("\" +")) {
                found.add(value);
            }
        }
    }

    private static String masked(String secret) {
        return secret.substring(0, Math.min(4, secret.length())) + "... (" + secret.length() + " characters)";
    }
}
