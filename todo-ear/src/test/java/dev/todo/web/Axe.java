package dev.todo.web;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;

/**
 * Runs axe-core (the script from Deque's {@code com.deque.html.axe-core:selenium} jar) in the page the browser shows
 * and answers the violations of serious or critical impact, one line each: rule, what it means, where.
 */
final class Axe {

    private static final String SCRIPT = load();

    private Axe() {}

    static List<String> seriousOrCritical(Browser browser) {
        browser.driver().executeScript(SCRIPT);
        @SuppressWarnings("unchecked")
        List<Map<String, Object>> violations = (List<Map<String, Object>>) browser.driver()
                .executeAsyncScript("var done = arguments[arguments.length - 1];"
                        + "axe.run(document, { resultTypes: ['violations'] }).then(function (r) {"
                        + "  done(r.violations.filter(function (v) { return v.impact === 'serious' || v.impact === 'critical'; })"
                        + "    .map(function (v) { return { id: v.id, help: v.help,"
                        + "      where: v.nodes.map(function (n) { return n.target.join(' '); }).join(', ') }; }));"
                        + "}, function (e) { done([{ id: 'axe-failed', help: String(e), where: '' }]); });");
        return violations.stream()
                .map(v -> v.get("id") + ": " + v.get("help") + " at " + v.get("where"))
                .toList();
    }

    private static String load() {
        try (InputStream script = Axe.class.getResourceAsStream("/axe.min.js")) {
            if (script == null) {
                throw new IllegalStateException("axe.min.js is not on the test class path");
            }
            return new String(script.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
