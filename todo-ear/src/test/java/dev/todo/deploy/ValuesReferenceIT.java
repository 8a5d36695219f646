package dev.todo.deploy;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.ObjectMapper;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.dataformat.yaml.YAMLMapper;

/**
 * helm/README.md's "Values" tables against the charts: every property of a chart's values.schema.json has a row,
 * every row names a property of the schema, says what it does, and shows the default its values.yaml has.
 *
 * <p>An object's properties get rows of their own, following {@code $ref}s into definitions that are closed
 * ({@code additionalProperties: false}, such as the image); a closed object has no row itself, an open one that
 * lists some properties ({@code env}) has one for the rest, and an open definition (a Kubernetes probe, passed through
 * as it is) is one row.
 */
class ValuesReferenceIT {

    private static final Path HELM = Charts.repositoryRoot().resolve("helm");
    private static final ObjectMapper JSON = JsonMapper.builder().build();
    private static final ObjectMapper YAML = YAMLMapper.builder().build();
    private static final Pattern ROW = Pattern.compile("^\\|\\s*`([^`]+)`\\s*\\|(.*)\\|\\s*$");
    private static final Pattern CELL_SEPARATOR = Pattern.compile("(?<!\\\\)\\|");

    @ParameterizedTest
    @ValueSource(strings = {"todo", "todo-api", "todo-web"})
    void everySchemaPropertyIsDocumentedAndNothingElse(String chart) throws IOException {
        JsonNode schema =
                JSON.readTree(HELM.resolve(chart).resolve("values.schema.json").toFile());
        Set<String> properties = new LinkedHashSet<>();
        collect(schema, schema, "", properties);

        Set<String> documented = rows(chart).keySet();

        assertThat(properties).as("schema properties of " + chart).isNotEmpty();
        assertThat(documented)
                .as("helm/README.md, ### " + chart + ": rows for exactly the schema's properties")
                .containsExactlyInAnyOrderElementsOf(properties);
    }

    @ParameterizedTest
    @ValueSource(strings = {"todo", "todo-api", "todo-web"})
    void everyRowSaysWhatItDoesAndShowsTheDefaultOfValuesYaml(String chart) throws IOException {
        JsonNode values =
                YAML.readTree(HELM.resolve(chart).resolve("values.yaml").toFile());

        rows(chart).forEach((path, cells) -> {
            assertThat(cells).as(path).hasSize(2);
            assertThat(cells.get(1)).as("what " + path + " does").isNotBlank();
            JsonNode value = values.at("/" + path.replace(".", "/"));
            if (value.isValueNode() && !value.isNull()) {
                String shown = value.isString() && value.asString().isEmpty() ? "\"\"" : value.asString();
                assertThat(cells.get(0).strip()).as("default of " + path).isEqualTo("`" + shown + "`");
            }
        });
    }

    /** The rows under "### chart" of the Values section: path to its other cells, `\|` read as `|`. */
    private static Map<String, List<String>> rows(String chart) throws IOException {
        Map<String, List<String>> rows = new LinkedHashMap<>();
        boolean inValues = false;
        String section = null;
        for (String line : Files.readAllLines(HELM.resolve("README.md"))) {
            if (line.startsWith("## ")) {
                inValues = line.equals("## Values");
                section = null;
            } else if (line.startsWith("### ")) {
                section = line.substring(4).strip();
            } else if (inValues && chart.equals(section)) {
                Matcher row = ROW.matcher(line);
                if (row.matches()) {
                    List<String> cells = new ArrayList<>();
                    for (String cell : CELL_SEPARATOR.split(row.group(2), -1)) {
                        cells.add(cell.replace("\\|", "|").strip());
                    }
                    assertThat(rows.put(row.group(1), cells))
                            .as(row.group(1) + " documented twice")
                            .isNull();
                }
            }
        }
        return rows;
    }

    private static void collect(JsonNode root, JsonNode node, String prefix, Set<String> paths) {
        for (Map.Entry<String, JsonNode> property : node.path("properties").properties()) {
            String path = prefix + property.getKey();
            JsonNode child = property.getValue();
            JsonNode definition =
                    child.has("$ref") ? root.at(child.get("$ref").asString().substring(1)) : child;
            boolean described = !child.has("$ref") || closed(definition);
            if (described && definition.has("properties")) {
                collect(root, definition, path + ".", paths);
                if (!closed(definition)) {
                    paths.add(path);
                }
            } else {
                paths.add(path);
            }
        }
    }

    /** Whether an object takes no keys but its own properties. */
    private static boolean closed(JsonNode schema) {
        JsonNode additional = schema.path("additionalProperties");
        return additional.isBoolean() && !additional.asBoolean();
    }
}
