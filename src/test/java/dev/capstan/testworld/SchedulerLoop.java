package dev.capstan.testworld;

import dev.capstan.aws.AwsClientSettings;
import dev.capstan.aws.AwsClients;
import dev.capstan.aws.sandbox.EcsScheduler;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

/**
 * The sandbox's ECS scheduler on a timer, with clients of its own: what it sends does not count among the
 * requests a test's fault injector sees, so a test counts only what Capstan itself sent.
 */
public final class SchedulerLoop implements AutoCloseable {
    private final AwsClients clients;
    private final ScheduledExecutorService timer = Executors.newSingleThreadScheduledExecutor(r -> {
        Thread thread = new Thread(r, "test-ecs-scheduler");
        thread.setDaemon(true);
        return thread;
    });

    private SchedulerLoop(MotoWorld moto, List<String> clusters, Duration every) {
        clients = new AwsClients(moto.catalog(), AwsClientSettings.forLocalStandIn());
        EcsScheduler scheduler = new EcsScheduler(clients, moto.target(), clusters);
        timer.scheduleWithFixedDelay(() -> {
            try {
                scheduler.reconcileOnce();
            } catch (RuntimeException e) {
                // The next round tries again, as ECS's own scheduler would.
            }
        }, 0, every.toMillis(), TimeUnit.MILLISECONDS);
    }

    public static SchedulerLoop start(MotoWorld moto, String cluster) {
        return new SchedulerLoop(moto, List.of(cluster), Duration.ofMillis(300));
    }

    @Override
    public void close() throws InterruptedException {
        timer.shutdownNow();
        timer.awaitTermination(5, TimeUnit.SECONDS);
        clients.close();
    }
}
