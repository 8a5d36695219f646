package dev.todo.api.tools;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class ArgumentSchemaTest {

    @Test
    void everyMapKeepsTheOrderItWasDeclaredIn() {
        Map<String, Map<String, Object>> properties = new LinkedHashMap<>();
        for (String name : List.of("zulu", "alpha", "mike", "bravo", "yankee", "charlie", "x-ray", "delta")) {
            properties.put(name, ArgumentSchema.strings("a " + name, 3, 9));
        }

        Map<String, Object> schema = ArgumentSchema.object(properties, List.of("mike", "alpha"));

        assertThat(schema.keySet()).containsExactly("type", "properties", "required", "additionalProperties");
        assertThat(map(schema.get("properties")).keySet())
                .containsExactly("zulu", "alpha", "mike", "bravo", "yankee", "charlie", "x-ray", "delta");
        assertThat(schema.get("required")).isEqualTo(List.of("mike", "alpha"));
        Map<String, Object> zulu = map(map(schema.get("properties")).get("zulu"));
        assertThat(zulu.keySet()).containsExactly("type", "description", "maxItems", "items");
        assertThat(map(zulu.get("items")).keySet()).containsExactly("type", "minLength", "maxLength");
        assertThat(ArgumentSchema.string("s", 1, 2).keySet())
                .containsExactly("type", "description", "minLength", "maxLength");
        assertThat(ArgumentSchema.dateTime("d", true).keySet()).containsExactly("type", "format", "description");
    }

    @Test
    void schemasCannotBeChangedAfterTheFact() {
        Map<String, Object> schema = ArgumentSchema.object(Map.of("id", ArgumentSchema.uuid("The id")), List.of("id"));

        assertThatThrownBy(() -> schema.put("extra", true)).isInstanceOf(UnsupportedOperationException.class);
        assertThatThrownBy(() -> map(schema.get("properties")).clear())
                .isInstanceOf(UnsupportedOperationException.class);
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> map(Object value) {
        return (Map<String, Object>) value;
    }
}
