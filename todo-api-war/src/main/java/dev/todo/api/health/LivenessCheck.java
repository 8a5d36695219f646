package dev.todo.api.health;

import jakarta.enterprise.context.ApplicationScoped;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryUsage;
import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.Liveness;

/**
 * Alive unless the heap is nearly exhausted. Looks only at this process: a database or API outage must never make
 * Kubernetes restart a pod that would come back to the same outage.
 */
@Liveness
@ApplicationScoped
public class LivenessCheck implements HealthCheck {

    static final double MAXIMUM_HEAP_USE = 0.95;

    @Override
    public HealthCheckResponse call() {
        MemoryUsage heap = ManagementFactory.getMemoryMXBean().getHeapMemoryUsage();
        long max = heap.getMax() > 0 ? heap.getMax() : heap.getCommitted();
        double used = (double) heap.getUsed() / max;
        return HealthCheckResponse.named("heap")
                .status(used < MAXIMUM_HEAP_USE)
                .withData("usedBytes", heap.getUsed())
                .withData("maxBytes", max)
                .build();
    }
}
