package dev.todo.api.telemetry;

import io.opentelemetry.api.common.Attributes;
import io.opentelemetry.api.common.AttributesBuilder;
import io.opentelemetry.api.metrics.DoubleHistogram;
import io.opentelemetry.api.metrics.LongCounter;
import io.opentelemetry.api.metrics.Meter;
import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.eclipse.microprofile.metrics.Counter;
import org.eclipse.microprofile.metrics.Metadata;
import org.eclipse.microprofile.metrics.MetricRegistry;
import org.eclipse.microprofile.metrics.MetricUnits;
import org.eclipse.microprofile.metrics.Tag;
import org.eclipse.microprofile.metrics.Timer;

/**
 * The application's own metrics. Each is kept twice: in MicroProfile Metrics, which {@code /metrics} shows in the
 * Prometheus text format whether or not OpenTelemetry is on, and as an OpenTelemetry instrument of the same name and
 * labels, which goes out over OTLP when the {@code OTEL_*} variables turn the SDK on (and costs nothing while it is
 * off). Label values come only from short, fixed lists (outcomes, the seven tool names, the configured model, the MCP
 * methods), never from what a user or a client typed, so the number of series stays small.
 */
@ApplicationScoped
public class AppMetrics {

    @Inject
    MetricRegistry registry;

    @Inject
    Meter meter;

    private Counters tasksCreated;
    private Counters tasksCompleted;
    private Counters signIns;
    private Counters chatTurns;
    private Timers modelDuration;
    private Counters modelTokens;
    private Counters toolCalls;
    private Counters mcpRequests;

    @PostConstruct
    void register() {
        tasksCreated = new Counters("todo.tasks.created", "Tasks created (REST, assistant and MCP)", "{task}");
        tasksCompleted = new Counters("todo.tasks.completed", "Tasks marked done", "{task}");
        signIns = new Counters(
                "todo.sign_ins", "Sign-in attempts by outcome (succeeded, refused, throttled)", "{attempt}", "outcome");
        chatTurns =
                new Counters("todo.chat.turns", "Assistant turns by outcome (answered, failed)", "{turn}", "outcome");
        modelDuration =
                new Timers("todo.model.duration", "Duration of one request to the model provider", "model", "outcome");
        modelTokens = new Counters(
                "todo.model.tokens",
                "Tokens the model provider counted, by model and type",
                "{token}",
                "model",
                "type");
        toolCalls = new Counters("todo.tool.calls", "Task tool calls by tool and outcome", "{call}", "tool", "outcome");
        mcpRequests = new Counters("todo.mcp.requests", "MCP JSON-RPC messages by method", "{request}", "method");
    }

    public void taskCreated() {
        tasksCreated.add(1);
    }

    public void taskCompleted() {
        tasksCompleted.add(1);
    }

    public void signIn(SignInOutcome outcome) {
        signIns.add(1, outcome.label());
    }

    public void chatTurn(boolean answered) {
        chatTurns.add(1, answered ? "answered" : "failed");
    }

    /** One request to the model provider; the token counts are those it reported (negative: none reported). */
    public void modelRound(String model, boolean ok, Duration duration, long inputTokens, long outputTokens) {
        modelDuration.record(duration, model, ok ? "ok" : "error");
        if (inputTokens > 0) {
            modelTokens.add(inputTokens, model, "input");
        }
        if (outputTokens > 0) {
            modelTokens.add(outputTokens, model, "output");
        }
    }

    public void toolCall(String tool, ToolOutcome outcome) {
        toolCalls.add(1, tool, outcome.label());
    }

    public void mcpRequest(String method) {
        mcpRequests.add(1, method);
    }

    /** A counter with fixed label names; one MicroProfile counter per combination of values, made on first use. */
    private final class Counters {
        private final Metadata metadata;
        private final String[] labels;
        private final LongCounter otlp;
        private final Map<List<String>, Series> series = new ConcurrentHashMap<>();

        Counters(String name, String description, String unit, String... labels) {
            this.metadata = Metadata.builder()
                    .withName(name)
                    .withDescription(description)
                    .withUnit(MetricUnits.NONE)
                    .build();
            this.labels = labels;
            this.otlp = meter.counterBuilder(name)
                    .setDescription(description)
                    .setUnit(unit)
                    .build();
        }

        void add(long amount, String... values) {
            Series one = series.computeIfAbsent(Arrays.asList(values), this::create);
            one.counter.inc(amount);
            otlp.add(amount, one.attributes);
        }

        private Series create(List<String> values) {
            return new Series(registry.counter(metadata, tags(labels, values)), attributes(labels, values));
        }

        private record Series(Counter counter, Attributes attributes) {}
    }

    /** A duration in seconds: a MicroProfile timer and an OpenTelemetry histogram. */
    private final class Timers {
        private final Metadata metadata;
        private final String[] labels;
        private final DoubleHistogram otlp;
        private final Map<List<String>, Series> series = new ConcurrentHashMap<>();

        Timers(String name, String description, String... labels) {
            this.metadata = Metadata.builder()
                    .withName(name)
                    .withDescription(description)
                    .withUnit(MetricUnits.SECONDS)
                    .build();
            this.labels = labels;
            this.otlp = meter.histogramBuilder(name)
                    .setDescription(description)
                    .setUnit("s")
                    .setExplicitBucketBoundariesAdvice(List.of(0.1, 0.25, 0.5, 1.0, 2.5, 5.0, 10.0, 30.0, 60.0))
                    .build();
        }

        void record(Duration duration, String... values) {
            Series one = series.computeIfAbsent(Arrays.asList(values), this::create);
            one.timer.update(duration);
            otlp.record(duration.toNanos() / 1e9, one.attributes);
        }

        private Series create(List<String> values) {
            return new Series(registry.timer(metadata, tags(labels, values)), attributes(labels, values));
        }

        private record Series(Timer timer, Attributes attributes) {}
    }

    private static Tag[] tags(String[] labels, List<String> values) {
        Tag[] tags = new Tag[labels.length];
        for (int i = 0; i < labels.length; i++) {
            tags[i] = new Tag(labels[i], values.get(i));
        }
        return tags;
    }

    private static Attributes attributes(String[] labels, List<String> values) {
        AttributesBuilder attributes = Attributes.builder();
        for (int i = 0; i < labels.length; i++) {
            attributes.put(labels[i], values.get(i));
        }
        return attributes.build();
    }
}
