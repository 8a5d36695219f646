package dev.todo.web.health;

import dev.todo.web.api.PingApi;
import dev.todo.web.config.ApiEndpoint;
import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.ReentrantLock;
import java.util.logging.Logger;
import org.eclipse.microprofile.rest.client.RestClientBuilder;

/**
 * Whether the API answers, as this web server last saw it. Asked at most every {@link #REFRESH} whatever the number
 * of callers (the health endpoint is public), with timeouts short enough for a readiness probe; each change is logged
 * once.
 */
@ApplicationScoped
public class ApiStatus {

    static final Duration REFRESH = Duration.ofSeconds(2);
    static final long CONNECT_TIMEOUT_MILLIS = 1_000;
    static final long READ_TIMEOUT_MILLIS = 2_000;

    private static final Logger LOG = Logger.getLogger(ApiStatus.class.getName());

    @Inject
    ApiEndpoint endpoint;

    private final ReentrantLock refreshing = new ReentrantLock();
    private PingApi ping;
    private volatile Observation last;

    @PostConstruct
    void buildClient() {
        ping = RestClientBuilder.newBuilder()
                .baseUri(endpoint.baseUri())
                .connectTimeout(CONNECT_TIMEOUT_MILLIS, TimeUnit.MILLISECONDS)
                .readTimeout(READ_TIMEOUT_MILLIS, TimeUnit.MILLISECONDS)
                .build(PingApi.class);
    }

    /** The latest observation, refreshed first when it is older than {@link #REFRESH}. */
    public Observation current() {
        Observation seen = last;
        if (isFresh(seen)) {
            return seen;
        }
        // One caller asks the API; the others meanwhile get what was seen before.
        if (!refreshing.tryLock()) {
            return seen != null ? seen : Observation.notYetChecked(Instant.now());
        }
        try {
            return isFresh(last) ? last : record(askApi());
        } finally {
            refreshing.unlock();
        }
    }

    private static boolean isFresh(Observation observation) {
        return observation != null && observation.checkedAt().plus(REFRESH).isAfter(Instant.now());
    }

    private String askApi() {
        try {
            return "UP".equals(ping.ping().get("status")) ? null : "it answered, but not UP";
        } catch (RuntimeException e) {
            return ApiFailure.describe(e);
        }
    }

    private Observation record(String problem) {
        Instant now = Instant.now();
        Observation previous = last;
        boolean changed = previous == null || previous.reachable() != (problem == null);
        Observation next = new Observation(
                problem == null, problem == null ? "none" : problem, changed ? now : previous.since(), now);
        last = next;
        if (problem != null && (previous == null || !problem.equals(previous.problem()))) {
            LOG.warning("The API at " + endpoint.baseUri() + " is unreachable: " + problem + ". Pages show the"
                    + " \"back in a moment\" page until it answers; this server stays ready.");
        } else if (problem == null && previous != null && !previous.reachable()) {
            LOG.info("The API at " + endpoint.baseUri() + " answers again");
        }
        return next;
    }

    /** What one look at the API found; {@code since} is when it last changed between reachable and not. */
    public record Observation(boolean reachable, String problem, Instant since, Instant checkedAt) {

        static Observation notYetChecked(Instant now) {
            return new Observation(false, "not checked yet", now, Instant.EPOCH);
        }
    }
}
