package dev.todo.deploy;

import static org.assertj.core.api.Assertions.assertThat;

import io.fabric8.kubernetes.api.model.Container;
import io.fabric8.kubernetes.api.model.EnvVar;
import io.fabric8.kubernetes.api.model.apps.Deployment;
import io.fabric8.kubernetes.api.model.apps.StatefulSet;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * The two ways to write the Secret by hand (the env file for create-secret.sh, the manifest) name every key the
 * charts and the servers read from it, and the same ones.
 */
class SecretTemplatesIT {

    private static final Path TEMPLATES = Charts.repositoryRoot().resolve("k8s-secrets-template");

    /** Read through envFrom by the servers' configuration (README, Configuration) and the api image's entry point. */
    private static final List<String> SERVER_KEYS = List.of(
            "DATABASE_URL",
            "AUTH_SECRET",
            "BETTER_AUTH_SECRET",
            "OPENAI_API_KEY",
            "XIAOMI_API_KEY",
            "ltpa_keys_password");

    @Test
    void envFileExampleAndManifestListTheSameKeys() throws IOException {
        assertThat(manifestKeys()).containsExactlyInAnyOrderElementsOf(envFileKeys());
    }

    @Test
    void theTemplatesListEveryKeyTheChartsAndServersRead() throws IOException {
        Set<String> read = new LinkedHashSet<>(SERVER_KEYS);
        read.addAll(keysReferencedByTheCharts());

        assertThat(read).contains("POSTGRES_PASSWORD");
        assertThat(manifestKeys()).containsAll(read);
        assertThat(envFileKeys()).containsAll(read);
        assertThat(Files.readString(Charts.repositoryRoot().resolve("liberty/api/entrypoint.sh")))
                .contains("ltpa_keys_password", "AUTH_SECRET", "BETTER_AUTH_SECRET");
    }

    private static Set<String> keysReferencedByTheCharts() {
        Charts.Rendered rendered = Charts.render("todo", Map.of("todo-api.postgresql.enabled", true));
        Stream<Container> containers = Stream.concat(
                rendered.all(Deployment.class).stream()
                        .flatMap(d -> d.getSpec().getTemplate().getSpec().getContainers().stream()),
                rendered.all(StatefulSet.class).stream()
                        .flatMap(s -> s.getSpec().getTemplate().getSpec().getContainers().stream()));
        Set<String> keys = new LinkedHashSet<>();
        containers
                .flatMap(container -> container.getEnv().stream())
                .map(EnvVar::getValueFrom)
                .filter(source -> source != null && source.getSecretKeyRef() != null)
                .forEach(source -> keys.add(source.getSecretKeyRef().getKey()));
        return keys;
    }

    /** The stringData keys, commented out or not. */
    private static Set<String> manifestKeys() throws IOException {
        List<String> lines = Files.readAllLines(TEMPLATES.resolve("todo-secrets.yaml"));
        return keys(
                lines.subList(lines.indexOf("stringData:") + 1, lines.size()),
                Pattern.compile("^  (?:# )?([A-Za-z_][A-Za-z0-9_]*): "));
    }

    private static Set<String> envFileKeys() throws IOException {
        return keys(
                Files.readAllLines(TEMPLATES.resolve("todo-secrets.env.example")),
                Pattern.compile("^([A-Za-z_][A-Za-z0-9_]*)="));
    }

    private static Set<String> keys(List<String> lines, Pattern key) {
        Set<String> keys = new LinkedHashSet<>();
        for (String line : lines) {
            Matcher matcher = key.matcher(line);
            if (matcher.find()) {
                keys.add(matcher.group(1));
            }
        }
        return keys;
    }
}
