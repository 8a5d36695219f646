package dev.todo.replicas;

import dev.todo.support.Http;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * A browser as the web server sees it, over plain HTTP: it keeps the session cookie, fills in Faces forms (with the
 * view state the page carried) and comes from an address of its own, which the proxy in front (standing for an
 * ingress) names in X-Forwarded-For.
 */
final class WebVisitor {

    private static final Pattern VIEW_STATE =
            Pattern.compile("name=\"jakarta.faces.ViewState\"[^>]*value=\"([^\"]+)\"");
    private static final Pattern SESSION_COOKIE = Pattern.compile("todo_session=([^;]*)");

    private final String baseUrl;
    private final String address;
    private String session;

    WebVisitor(String baseUrl, String address) {
        this.baseUrl = baseUrl;
        this.address = address;
    }

    Optional<String> sessionCookie() {
        return Optional.ofNullable(session).filter(value -> !value.isEmpty());
    }

    /** The same browser, cookie and all, talking to another server. */
    WebVisitor at(String otherBaseUrl) {
        WebVisitor other = new WebVisitor(otherBaseUrl, address);
        other.session = session;
        return other;
    }

    HttpResponse<String> get(String path) {
        return send(request(path).GET());
    }

    /** Fills in the Faces form {@code formId} of the page at {@code path} and presses {@code button}. */
    HttpResponse<String> submit(String path, String formId, Map<String, String> fields, String button) {
        HttpResponse<String> page = get(path);
        Matcher viewState = VIEW_STATE.matcher(page.body());
        if (page.statusCode() != 200 || !viewState.find()) {
            throw new AssertionError("no form on " + path + ": " + page.statusCode() + " " + page.body());
        }
        Map<String, String> form = new LinkedHashMap<>();
        // MyFaces decodes a form only with the marker its page carried.
        form.put(formId + "_SUBMIT", "1");
        fields.forEach((name, value) -> form.put(formId + ":" + name, value));
        form.put(formId + ":" + button, button);
        form.put("jakarta.faces.ViewState", unescape(viewState.group(1)));
        String body = form.entrySet().stream()
                .map(entry -> encode(entry.getKey()) + "=" + encode(entry.getValue()))
                .collect(Collectors.joining("&"));
        return send(request(path)
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(body)));
    }

    /** Presses the header's "Sign out", a plain form that posts to {@code /sign-out}. */
    HttpResponse<String> signOut() {
        return send(request("/sign-out")
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.noBody()));
    }

    HttpResponse<String> signIn(String email, String password) {
        return submit("/sign-in", "signin", Map.of("email", email, "password", password), "submit");
    }

    /** Signs in and expects to land on the tasks page with a session cookie. */
    WebVisitor signedIn(String email, String password) {
        HttpResponse<String> answer = signIn(email, password);
        if (answer.statusCode() / 100 != 3 || sessionCookie().isEmpty()) {
            throw new AssertionError("signing in failed: " + answer.statusCode() + " " + messages(answer.body()));
        }
        return this;
    }

    /** The text of a page's messages (what the user is told), without markup. */
    static String messages(String page) {
        int start = page.indexOf("id=\"messages-region\"");
        if (start < 0) {
            return "(no messages) " + page.substring(0, Math.min(page.length(), 300));
        }
        int end = page.indexOf("</div>", start);
        return page.substring(start, end < 0 ? page.length() : end)
                .replaceAll("<[^>]+>", " ")
                .replaceAll("\\s+", " ");
    }

    /** Posts a chat message to the web server's relay and returns the whole event stream it answered. */
    HttpResponse<String> chat(String message) {
        return send(request("/assistant/stream")
                .header("Content-Type", "application/x-www-form-urlencoded")
                .header("Accept", "text/event-stream")
                .POST(HttpRequest.BodyPublishers.ofString("message=" + encode(message))));
    }

    private HttpRequest.Builder request(String path) {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(baseUrl + path))
                .timeout(Duration.ofSeconds(60))
                .header("X-Forwarded-For", address);
        if (session != null && !session.isEmpty()) {
            request.header("Cookie", "todo_session=" + session);
        }
        return request;
    }

    private HttpResponse<String> send(HttpRequest.Builder request) {
        HttpResponse<String> response = Http.send(request.build());
        response.headers().allValues("Set-Cookie").forEach(cookie -> {
            Matcher value = SESSION_COOKIE.matcher(cookie);
            if (value.find()) {
                session = value.group(1);
            }
        });
        return response;
    }

    private static String unescape(String html) {
        return html.replace("&#x2B;", "+")
                .replace("&#43;", "+")
                .replace("&#x2F;", "/")
                .replace("&#x3D;", "=")
                .replace("&amp;", "&");
    }

    private static String encode(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8);
    }
}
