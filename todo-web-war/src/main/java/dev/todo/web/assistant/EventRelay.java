package dev.todo.web.assistant;

import dev.todo.web.api.Problem;
import jakarta.json.Json;
import jakarta.json.bind.Jsonb;
import jakarta.json.bind.JsonbBuilder;
import jakarta.json.bind.JsonbException;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/**
 * Copies the API's server-sent events to the browser one whole event at a time, flushing after each, and rewrites
 * {@code error} events (a problem document) into {@code {"message": "..."}} in the page's words. Other events pass
 * unchanged: {@code conversation}, {@code text}, {@code tool}, {@code done}.
 */
final class EventRelay {

    /** Flushes the response to the browser. */
    @FunctionalInterface
    interface Flush {
        void flush() throws IOException;
    }

    private static final Jsonb JSONB = JsonbBuilder.create();

    private final PrintWriter out;
    private final Flush flush;

    EventRelay(PrintWriter out, Flush flush) {
        this.out = out;
        this.flush = flush;
    }

    void relay(InputStream events) throws IOException {
        BufferedReader reader = new BufferedReader(new InputStreamReader(events, StandardCharsets.UTF_8));
        String event = null;
        List<String> data = new ArrayList<>();
        boolean finished = false;
        for (String line = reader.readLine(); line != null; line = reader.readLine()) {
            if (line.isEmpty()) {
                if (event != null || !data.isEmpty()) {
                    finished |= "done".equals(event) || "error".equals(event);
                    send(event, String.join("\n", data));
                }
                event = null;
                data.clear();
            } else if (line.startsWith("event:")) {
                event = line.substring("event:".length()).strip();
            } else if (line.startsWith("data:")) {
                data.add(line.substring("data:".length()).stripLeading());
            }
        }
        if (!finished) {
            error(AssistantMessages.CUT_OFF);
        }
    }

    void error(String message) throws IOException {
        write(
                "error",
                Json.createObjectBuilder().add("message", message).build().toString());
    }

    void signInAgain(String contextPath) throws IOException {
        write(
                "error",
                Json.createObjectBuilder()
                        .add("message", "Your session has ended. Sign in again to carry on.")
                        .add("location", contextPath + "/sign-in?reason=expired&next=%2Fassistant")
                        .build()
                        .toString());
    }

    private void send(String event, String data) throws IOException {
        if ("error".equals(event)) {
            error(AssistantMessages.of(statusOf(data), problemOf(data)));
        } else {
            write(event == null ? "message" : event, data);
        }
    }

    private void write(String event, String data) throws IOException {
        out.write("event: " + event + "\n");
        for (String line : data.split("\n", -1)) {
            out.write("data: " + line + "\n");
        }
        out.write("\n");
        out.flush();
        flush.flush();
    }

    private static Problem problemOf(String json) {
        try {
            return JSONB.fromJson(json, Problem.class);
        } catch (JsonbException e) {
            return null;
        }
    }

    private static int statusOf(String json) {
        Problem problem = problemOf(json);
        return problem == null || problem.status() == null ? 500 : problem.status();
    }
}
