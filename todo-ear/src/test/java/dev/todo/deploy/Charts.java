package dev.todo.deploy;

import com.marcnuri.helm.Helm;
import com.marcnuri.helm.LintResult;
import com.marcnuri.helm.TemplateCommand;
import io.fabric8.kubernetes.api.model.ConfigMap;
import io.fabric8.kubernetes.api.model.Container;
import io.fabric8.kubernetes.api.model.EnvFromSource;
import io.fabric8.kubernetes.api.model.EnvVar;
import io.fabric8.kubernetes.api.model.GenericKubernetesResource;
import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.client.utils.KubernetesSerialization;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import tools.jackson.databind.DeserializationFeature;
import tools.jackson.databind.ObjectMapper;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.dataformat.yaml.YAMLMapper;

/**
 * The charts under helm/, linted and rendered by the Helm 3 that helm-java embeds, and every rendered object read
 * strictly into the fabric8 Kubernetes model: an unknown kind, an unknown field or a value of the wrong type is an
 * error, as the API server would make it one.
 */
final class Charts {

    static final String RELEASE = "todo";

    private static final Pattern DOCUMENT_SEPARATOR = Pattern.compile("(?m)^---\\s*$");
    private static final KubernetesSerialization SERIALIZATION = new KubernetesSerialization(
            JsonMapper.builder()
                    .enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
                    .enable(DeserializationFeature.FAIL_ON_NULL_FOR_PRIMITIVES)
                    .disable(DeserializationFeature.ACCEPT_FLOAT_AS_INT)
                    .build(),
            true);

    static {
        SERIALIZATION.registerKubernetesResource(ServiceMonitor.class);
    }

    private static final ObjectMapper YAML = YAMLMapper.builder().build();

    private static final String TEST_HOOK = "\"helm.sh/hook\": test";

    private static Path workingCopy;
    private static Path testHooksCopy;

    private Charts() {}

    /** The repository's root: the directory above the test's module that holds helm/ and mvnw. */
    static Path repositoryRoot() {
        Path directory = Path.of("").toAbsolutePath();
        while (directory != null) {
            if (Files.isDirectory(directory.resolve("helm")) && Files.isRegularFile(directory.resolve("mvnw"))) {
                return directory;
            }
            directory = directory.getParent();
        }
        throw new IllegalStateException(
                "no repository root above " + Path.of("").toAbsolutePath());
    }

    /**
     * A copy of helm/ under target/, with the umbrella chart's file:// dependencies packed into its charts/, so the
     * tests never write into the source tree.
     */
    static synchronized Path chart(String name) {
        if (workingCopy == null) {
            Path copy = Path.of("target", "helm-charts").toAbsolutePath();
            copyTree(repositoryRoot().resolve("helm"), copy);
            new Helm(copy.resolve("todo")).dependency().update().call();
            workingCopy = copy;
        }
        return workingCopy.resolve(name);
    }

    /**
     * Renders a chart with its `helm test` pods among the ordinary objects: the embedded Helm's template leaves hooks
     * out, so a second copy of the charts has the test hook annotation taken off.
     */
    static Rendered renderWithTestPods(String chart) {
        synchronized (Charts.class) {
            if (testHooksCopy == null) {
                Path copy = Path.of("target", "helm-charts-with-test-pods").toAbsolutePath();
                copyTree(repositoryRoot().resolve("helm"), copy);
                try (Stream<Path> files = Files.walk(copy)) {
                    for (Path file : files.filter(path -> path.toString().contains("/templates/tests/"))
                            .toList()) {
                        Files.write(
                                file,
                                Files.readAllLines(file).stream()
                                        .filter(line -> !line.contains(TEST_HOOK))
                                        .toList());
                    }
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
                new Helm(copy.resolve("todo")).dependency().update().call();
                testHooksCopy = copy;
            }
        }
        return new Rendered(parse(new Helm(testHooksCopy.resolve(chart))
                .template()
                .withName(RELEASE)
                .withNamespace("todo")
                .call()));
    }

    /** What `helm install` prints after installing the chart with the values given: its NOTES.txt among it. */
    static String installOutput(String chart, Map<String, Object> values) {
        var install = new Helm(chart(chart))
                .install()
                .withName(RELEASE)
                .withNamespace("todo")
                .dryRun()
                .clientOnly();
        values.forEach(install::set);
        return install.call().getOutput();
    }

    static LintResult lintStrict(String chart) {
        return new Helm(chart(chart)).lint().strict().call();
    }

    /** Renders a chart with its defaults, or with the values given ("key.path" to value, as --set takes them). */
    static Rendered render(String chart, Map<String, Object> values) {
        TemplateCommand template =
                new Helm(chart(chart)).template().withName(RELEASE).withNamespace("todo");
        values.forEach(template::set);
        return new Rendered(parse(template.call()));
    }

    static Rendered render(String chart) {
        return render(chart, Map.of());
    }

    static List<HasMetadata> parse(String manifests) {
        List<HasMetadata> objects = new ArrayList<>();
        for (String document : DOCUMENT_SEPARATOR.split(manifests)) {
            if (document.lines().allMatch(line -> line.isBlank() || line.startsWith("#"))) {
                continue;
            }
            objects.add(parseStrictly(document));
        }
        return objects;
    }

    private static HasMetadata parseStrictly(String document) {
        Object parsed = SERIALIZATION.unmarshal(document);
        if (!(parsed instanceof HasMetadata object) || parsed instanceof GenericKubernetesResource) {
            throw new AssertionError("not a kind the Kubernetes model knows:\n" + document);
        }
        List<String> unknown = new ArrayList<>();
        collectUnknownFields(object, object.getKind(), unknown);
        if (!unknown.isEmpty()) {
            throw new AssertionError("unknown fields " + unknown + " in " + object.getKind() + " "
                    + object.getMetadata().getName());
        }
        // Read back, the object must give exactly what was rendered: nothing dropped, nothing coerced ("1" for 1).
        Object rendered = YAML.readValue(document, Object.class);
        Object roundTrip = YAML.readValue(SERIALIZATION.asYaml(object), Object.class);
        if (!Objects.equals(rendered, roundTrip)) {
            throw new AssertionError("the model does not read " + object.getKind() + " "
                    + object.getMetadata().getName() + " as rendered:\n" + document + "\nread as:\n"
                    + SERIALIZATION.asYaml(object));
        }
        return object;
    }

    /** The model keeps fields it does not know in additionalProperties instead of failing: any there is an error. */
    private static void collectUnknownFields(Object value, String path, List<String> unknown) {
        if (value == null
                || value instanceof String
                || value instanceof Number
                || value instanceof Boolean
                || value instanceof Enum<?>) {
            return;
        }
        if (value instanceof Collection<?> items) {
            int index = 0;
            for (Object item : items) {
                collectUnknownFields(item, path + "[" + index++ + "]", unknown);
            }
            return;
        }
        if (value instanceof Map<?, ?> map) {
            map.forEach((key, item) -> collectUnknownFields(item, path + "." + key, unknown));
            return;
        }
        if (!value.getClass().getName().startsWith("io.fabric8.kubernetes.api.model")) {
            return;
        }
        for (Method getter : value.getClass().getMethods()) {
            if (getter.getParameterCount() != 0
                    || Modifier.isStatic(getter.getModifiers())
                    || getter.getDeclaringClass() == Object.class
                    || !getter.getName().startsWith("get")) {
                continue;
            }
            Object property = invoke(getter, value);
            if ("getAdditionalProperties".equals(getter.getName())) {
                if (property instanceof Map<?, ?> extra && !extra.isEmpty()) {
                    extra.keySet().forEach(key -> unknown.add(path + "." + key));
                }
            } else {
                collectUnknownFields(
                        property, path + "." + decapitalize(getter.getName().substring(3)), unknown);
            }
        }
    }

    private static Object invoke(Method getter, Object target) {
        try {
            return getter.invoke(target);
        } catch (IllegalAccessException | InvocationTargetException e) {
            throw new IllegalStateException(getter.toString(), e);
        }
    }

    private static String decapitalize(String name) {
        return name.isEmpty() ? name : Character.toLowerCase(name.charAt(0)) + name.substring(1);
    }

    private static void copyTree(Path source, Path target) {
        try (Stream<Path> paths = Files.walk(source)) {
            for (Path path : (Iterable<Path>) paths::iterator) {
                Path destination = target.resolve(source.relativize(path).toString());
                if (Files.isDirectory(path)) {
                    Files.createDirectories(destination);
                } else {
                    Files.copy(path, destination, StandardCopyOption.REPLACE_EXISTING);
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The objects one `helm template` rendered. */
    record Rendered(List<HasMetadata> objects) {

        <T extends HasMetadata> List<T> all(Class<T> kind) {
            return objects.stream().filter(kind::isInstance).map(kind::cast).toList();
        }

        <T extends HasMetadata> T named(Class<T> kind, String name) {
            return all(kind).stream()
                    .filter(object -> name.equals(object.getMetadata().getName()))
                    .findFirst()
                    .orElseThrow(() -> new AssertionError("no " + kind.getSimpleName() + " " + name + " rendered"));
        }

        /**
         * The environment a container gets from the rendered objects: its envFrom ConfigMaps, the Secret's values as
         * the caller supplies them (the chart only names the Secret), then its own env entries.
         */
        Map<String, String> environment(Container container, Map<String, Map<String, String>> secrets) {
            Map<String, String> environment = new LinkedHashMap<>();
            for (EnvFromSource source : container.getEnvFrom()) {
                if (source.getConfigMapRef() != null) {
                    environment.putAll(
                            named(ConfigMap.class, source.getConfigMapRef().getName())
                                    .getData());
                } else if (source.getSecretRef() != null) {
                    environment.putAll(
                            secretOrFail(secrets, source.getSecretRef().getName()));
                }
            }
            for (EnvVar variable : container.getEnv()) {
                if (variable.getValueFrom() == null) {
                    environment.put(variable.getName(), expand(variable.getValue(), environment));
                } else if (variable.getValueFrom().getSecretKeyRef() != null) {
                    var reference = variable.getValueFrom().getSecretKeyRef();
                    environment.put(
                            variable.getName(),
                            secretOrFail(secrets, reference.getName()).get(reference.getKey()));
                } else {
                    throw new AssertionError("env " + variable.getName() + " comes from a source the test cannot give");
                }
            }
            return environment;
        }

        /** Kubernetes' $(NAME) references to variables defined before; an unknown one stays as written. */
        private static String expand(String value, Map<String, String> defined) {
            return Pattern.compile("\\$\\(([A-Za-z_][A-Za-z0-9_]*)\\)")
                    .matcher(value)
                    .replaceAll(match -> Matcher.quoteReplacement(defined.getOrDefault(match.group(1), match.group())));
        }

        private static Map<String, String> secretOrFail(Map<String, Map<String, String>> secrets, String name) {
            Map<String, String> secret = secrets.get(name);
            if (secret == null) {
                throw new AssertionError(
                        "the rendered pods name the Secret " + name + ", which the test does not supply");
            }
            return secret;
        }
    }
}
