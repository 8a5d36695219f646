package dev.todo.web.task;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import org.junit.jupiter.api.Test;

class ListOptionsTest {

    private static ListOptions read(Map<String, String> parameters) {
        return ListOptions.read(parameters::get);
    }

    @Test
    void unknownValuesFallBackToTheDefaultsAndAreNamed() {
        ListOptions options = read(Map.of("sort", "bogus", "status", "x", "page", "-3", "priority", "urgent"));

        assertThat(options.effectiveSort()).isEqualTo("createdAt");
        assertThat(options.effectiveStatus()).isEqualTo("open");
        assertThat(options.page()).isZero();
        assertThat(options.priority()).isNull();
        assertThat(options.rejected()).containsExactly("status", "priority", "sort", "page");
    }

    @Test
    void knownValuesAreTakenInAnyCase() {
        ListOptions options = read(Map.of("sort", "DUEAT", "priority", "high", "status", "All", "page", "2"));

        assertThat(options.sort()).isEqualTo("dueAt");
        assertThat(options.priority()).isEqualTo("HIGH");
        assertThat(options.status()).isEqualTo("all");
        assertThat(options.page()).isEqualTo(2);
        assertThat(options.rejected()).isEmpty();
    }

    @Test
    void eachSortHasTheOrderPeopleExpectFirst() {
        assertThat(read(Map.of("sort", "dueAt")).effectiveDirection()).isEqualTo("asc");
        assertThat(read(Map.of("sort", "title")).effectiveDirection()).isEqualTo("asc");
        assertThat(read(Map.of("sort", "priority")).effectiveDirection()).isEqualTo("desc");
        assertThat(read(Map.of()).effectiveDirection()).isEqualTo("desc");
        assertThat(read(Map.of("sort", "title", "direction", "desc")).effectiveDirection())
                .isEqualTo("desc");
    }

    @Test
    void theUrlLeavesOutDefaults() {
        assertThat(read(Map.of("status", "open", "sort", "title", "direction", "asc", "page", "0"))
                        .state())
                .containsExactly(Map.entry("sort", "title"));
        assertThat(read(Map.of("sort", "title", "direction", "desc")).state()).containsEntry("direction", "desc");
    }

    @Test
    void overlongOrControlCharacterSearchesAreDropped() {
        assertThat(read(Map.of("q", "x".repeat(201))).rejected()).containsExactly("q");
        assertThat(read(Map.of("tag", "a\u0007b")).rejected()).containsExactly("tag");
        assertThat(read(Map.of("q", "milk")).q()).isEqualTo("milk");
    }
}
