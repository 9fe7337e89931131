package cn.yunying.platform.health;

import jakarta.enterprise.context.ApplicationScoped;
import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.Liveness;

/** Alive while the heap has head-room: a JVM with under 2 % of its heap free is better restarted than left crawling. */
@Liveness
@ApplicationScoped
public class HeapLivenessCheck implements HealthCheck {

    private static final double MIN_FREE_RATIO = 0.02;

    @Override
    public HealthCheckResponse call() {
        Runtime runtime = Runtime.getRuntime();
        double free = 1.0 - (double) (runtime.totalMemory() - runtime.freeMemory()) / runtime.maxMemory();
        return HealthCheckResponse.named("heap").status(free >= MIN_FREE_RATIO)
                .withData("freeRatio", String.format("%.3f", free)).build();
    }
}
