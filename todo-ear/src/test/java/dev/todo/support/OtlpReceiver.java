package dev.todo.support;

import com.google.protobuf.ByteString;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import io.opentelemetry.proto.collector.logs.v1.ExportLogsServiceRequest;
import io.opentelemetry.proto.collector.metrics.v1.ExportMetricsServiceRequest;
import io.opentelemetry.proto.collector.trace.v1.ExportTraceServiceRequest;
import io.opentelemetry.proto.common.v1.AnyValue;
import io.opentelemetry.proto.common.v1.KeyValue;
import io.opentelemetry.proto.metrics.v1.Metric;
import io.opentelemetry.proto.resource.v1.Resource;
import io.opentelemetry.proto.trace.v1.Span;
import io.opentelemetry.proto.trace.v1.Status;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.time.Duration;
import java.time.Instant;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Executors;
import java.util.function.Predicate;
import java.util.function.Supplier;
import java.util.zip.GZIPInputStream;

/**
 * An OTLP/HTTP receiver (binary protobuf, the {@code http/protobuf} protocol) inside the test JVM: what the servers
 * export to {@code /v1/traces}, {@code /v1/metrics} and {@code /v1/logs} is decoded with the protocol's own classes
 * ({@code io.opentelemetry.proto}) and kept for the test to read. Anything it cannot decode is answered 400 and
 * counted, so a server that sends something else fails the test rather than being ignored.
 */
public final class OtlpReceiver implements AutoCloseable {

    private static final HexFormat HEX = HexFormat.of();

    private final HttpServer server;
    private final List<ReceivedSpan> spans = new CopyOnWriteArrayList<>();
    private final List<ReceivedMetric> metrics = new CopyOnWriteArrayList<>();
    private final List<ReceivedLog> logs = new CopyOnWriteArrayList<>();
    private final List<String> rejected = new CopyOnWriteArrayList<>();

    private OtlpReceiver(HttpServer server) {
        this.server = server;
    }

    public static OtlpReceiver start() {
        try {
            HttpServer server =
                    HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), Ports.free()), 0);
            OtlpReceiver receiver = new OtlpReceiver(server);
            server.createContext("/v1/traces", exchange -> receiver.receive(exchange, receiver::traces));
            server.createContext("/v1/metrics", exchange -> receiver.receive(exchange, receiver::metrics));
            server.createContext("/v1/logs", exchange -> receiver.receive(exchange, receiver::logs));
            server.setExecutor(Executors.newFixedThreadPool(2, runnable -> {
                Thread thread = new Thread(runnable, "otlp-receiver");
                thread.setDaemon(true);
                return thread;
            }));
            server.start();
            return receiver;
        } catch (IOException e) {
            throw new UncheckedIOException("could not start the OTLP receiver", e);
        }
    }

    /** The base URL for {@code OTEL_EXPORTER_OTLP_ENDPOINT}. */
    public String endpoint() {
        return "http://127.0.0.1:" + server.getAddress().getPort();
    }

    /** The environment that turns a server's OpenTelemetry on and points it here, exporting quickly. */
    public Map<String, String> environment(String serviceName) {
        Map<String, String> environment = new LinkedHashMap<>();
        environment.put("OTEL_SDK_DISABLED", "false");
        environment.put("OTEL_SERVICE_NAME", serviceName);
        environment.put("OTEL_EXPORTER_OTLP_ENDPOINT", endpoint());
        environment.put("OTEL_EXPORTER_OTLP_PROTOCOL", "http/protobuf");
        environment.put("OTEL_BSP_SCHEDULE_DELAY", "200");
        environment.put("OTEL_METRIC_EXPORT_INTERVAL", "1000");
        environment.put("OTEL_LOGS_EXPORTER", "none");
        return environment;
    }

    public List<ReceivedSpan> spans() {
        return List.copyOf(spans);
    }

    public List<ReceivedMetric> metrics() {
        return List.copyOf(metrics);
    }

    public List<ReceivedLog> logs() {
        return List.copyOf(logs);
    }

    /** Requests that were not OTLP protobuf of the kind their path names. */
    public List<String> rejected() {
        return List.copyOf(rejected);
    }

    /** Waits until a span matches; the servers export in batches, a fraction of a second apart. */
    public ReceivedSpan awaitSpan(Predicate<ReceivedSpan> condition, Duration timeout) {
        return await(() -> spans.stream().filter(condition).findFirst(), timeout, "no such span arrived");
    }

    /**
     * Waits until the newest data point of metric {@code name} from {@code service} whose attributes include
     * {@code attributes} has a value that satisfies {@code condition}, and returns that value.
     */
    public double awaitMetric(
            String service,
            String name,
            Map<String, Object> attributes,
            Predicate<Double> condition,
            Duration timeout) {
        return await(
                () -> {
                    List<ReceivedMetric> matching = metrics.stream()
                            .filter(m -> m.service().equals(service) && m.name().equals(name))
                            .filter(m -> m.attributes().entrySet().containsAll(attributes.entrySet()))
                            .toList();
                    return matching.isEmpty()
                            ? Optional.<Double>empty()
                            : Optional.of(matching.get(matching.size() - 1).value())
                                    .filter(condition);
                },
                timeout,
                "metric " + name + attributes + " of " + service + " did not arrive as expected");
    }

    private static <T> T await(Supplier<Optional<T>> probe, Duration timeout, String failure) {
        Instant deadline = Instant.now().plus(timeout);
        while (Instant.now().isBefore(deadline)) {
            Optional<T> found = probe.get();
            if (found.isPresent()) {
                return found.get();
            }
            try {
                Thread.sleep(100);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException(e);
            }
        }
        throw new AssertionError(failure + " within " + timeout);
    }

    @Override
    public void close() {
        server.stop(0);
    }

    private interface Decoder {
        void decode(byte[] body) throws IOException;
    }

    private void receive(HttpExchange exchange, Decoder decoder) throws IOException {
        try (exchange) {
            byte[] body;
            try (InputStream in =
                    "gzip".equalsIgnoreCase(exchange.getRequestHeaders().getFirst("Content-Encoding"))
                            ? new GZIPInputStream(exchange.getRequestBody())
                            : exchange.getRequestBody()) {
                body = in.readAllBytes();
            }
            String type = exchange.getRequestHeaders().getFirst("Content-Type");
            int status = 200;
            if (!"POST".equals(exchange.getRequestMethod()) || !"application/x-protobuf".equals(type)) {
                rejected.add(exchange.getRequestMethod() + " " + exchange.getRequestURI() + " as " + type);
                status = 400;
            } else {
                try {
                    decoder.decode(body);
                } catch (IOException | RuntimeException e) {
                    rejected.add(exchange.getRequestURI() + ": " + e);
                    status = 400;
                }
            }
            exchange.getResponseHeaders().add("Content-Type", "application/x-protobuf");
            exchange.sendResponseHeaders(status, -1);
        }
    }

    private void traces(byte[] body) throws IOException {
        ExportTraceServiceRequest request = ExportTraceServiceRequest.parseFrom(body);
        request.getResourceSpansList().forEach(resource -> {
            String service = serviceName(resource.getResource());
            resource.getScopeSpansList()
                    .forEach(scope -> scope.getSpansList().forEach(span -> spans.add(ReceivedSpan.of(service, span))));
        });
    }

    private void metrics(byte[] body) throws IOException {
        ExportMetricsServiceRequest request = ExportMetricsServiceRequest.parseFrom(body);
        request.getResourceMetricsList().forEach(resource -> {
            String service = serviceName(resource.getResource());
            resource.getScopeMetricsList()
                    .forEach(scope -> scope.getMetricsList()
                            .forEach(metric -> metrics.addAll(ReceivedMetric.of(service, metric))));
        });
    }

    private void logs(byte[] body) throws IOException {
        ExportLogsServiceRequest request = ExportLogsServiceRequest.parseFrom(body);
        request.getResourceLogsList().forEach(resource -> {
            String service = serviceName(resource.getResource());
            resource.getScopeLogsList()
                    .forEach(scope -> scope.getLogRecordsList()
                            .forEach(log -> logs.add(new ReceivedLog(
                                    service, hex(log.getTraceId()), hex(log.getSpanId()), text(log.getBody())))));
        });
    }

    private static String serviceName(Resource resource) {
        return attributeMap(resource.getAttributesList())
                .getOrDefault("service.name", "")
                .toString();
    }

    static Map<String, Object> attributeMap(List<KeyValue> keyValues) {
        Map<String, Object> attributes = new LinkedHashMap<>();
        keyValues.forEach(keyValue -> attributes.put(keyValue.getKey(), value(keyValue.getValue())));
        return attributes;
    }

    private static Object value(AnyValue value) {
        return switch (value.getValueCase()) {
            case STRING_VALUE -> value.getStringValue();
            case BOOL_VALUE -> value.getBoolValue();
            case INT_VALUE -> value.getIntValue();
            case DOUBLE_VALUE -> value.getDoubleValue();
            case ARRAY_VALUE ->
                value.getArrayValue().getValuesList().stream()
                        .map(OtlpReceiver::value)
                        .toList();
            default -> value.toString();
        };
    }

    private static String text(AnyValue value) {
        return value.hasStringValue() ? value.getStringValue() : value.toString();
    }

    static String hex(ByteString bytes) {
        return bytes.isEmpty() ? "" : HEX.formatHex(bytes.toByteArray());
    }

    /** One span, with the service that sent it; ids in lower-case hex, an empty parent for a root span. */
    public record ReceivedSpan(
            String service,
            String traceId,
            String spanId,
            String parentSpanId,
            String name,
            Span.SpanKind kind,
            boolean error,
            Map<String, Object> attributes) {

        static ReceivedSpan of(String service, Span span) {
            return new ReceivedSpan(
                    service,
                    hex(span.getTraceId()),
                    hex(span.getSpanId()),
                    hex(span.getParentSpanId()),
                    span.getName(),
                    span.getKind(),
                    span.getStatus().getCode() == Status.StatusCode.STATUS_CODE_ERROR,
                    attributeMap(span.getAttributesList()));
        }

        public Object attribute(String key) {
            return attributes.get(key);
        }
    }

    /** One data point of a sum (counter) or histogram; {@code value} is the sum's value or the histogram's count. */
    public record ReceivedMetric(String service, String name, Map<String, Object> attributes, double value) {

        static List<ReceivedMetric> of(String service, Metric metric) {
            return switch (metric.getDataCase()) {
                case SUM ->
                    metric.getSum().getDataPointsList().stream()
                            .map(point -> new ReceivedMetric(
                                    service,
                                    metric.getName(),
                                    attributeMap(point.getAttributesList()),
                                    point.hasAsInt() ? point.getAsInt() : point.getAsDouble()))
                            .toList();
                case HISTOGRAM ->
                    metric.getHistogram().getDataPointsList().stream()
                            .map(point -> new ReceivedMetric(
                                    service,
                                    metric.getName(),
                                    attributeMap(point.getAttributesList()),
                                    point.getCount()))
                            .toList();
                case GAUGE ->
                    metric.getGauge().getDataPointsList().stream()
                            .map(point -> new ReceivedMetric(
                                    service,
                                    metric.getName(),
                                    attributeMap(point.getAttributesList()),
                                    point.hasAsInt() ? point.getAsInt() : point.getAsDouble()))
                            .toList();
                default -> List.of();
            };
        }
    }

    public record ReceivedLog(String service, String traceId, String spanId, String body) {}
}
