package dev.todo.web.health;

import jakarta.enterprise.context.ApplicationScoped;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryUsage;
import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.Liveness;

/** Alive unless the heap is nearly exhausted; never depends on the API, so an API outage restarts nothing. */
@Liveness
@ApplicationScoped
public class LivenessCheck implements HealthCheck {

    static final double MAXIMUM_HEAP_USE = 0.95;

    @Override
    public HealthCheckResponse call() {
        MemoryUsage heap = ManagementFactory.getMemoryMXBean().getHeapMemoryUsage();
        long max = heap.getMax() > 0 ? heap.getMax() : heap.getCommitted();
        double used = (double) heap.getUsed() / max;
        return HealthCheckResponse.named("web-heap")
                .status(used < MAXIMUM_HEAP_USE)
                .withData("usedBytes", heap.getUsed())
                .withData("maxBytes", max)
                .build();
    }
}
