package dev.capstan.testworld;

import dev.capstan.aws.AwsClientSettings;
import dev.capstan.aws.AwsClients;
import dev.capstan.aws.sandbox.DeploymentRules;
import dev.capstan.aws.sandbox.EcsScheduler;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.function.Predicate;

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

    private SchedulerLoop(MotoWorld moto, List<String> clusters, Duration every, Predicate<String> brokenImage, Runnable afterRound) {
        clients = new AwsClients(moto.catalog(), AwsClientSettings.forLocalStandIn());
        EcsScheduler scheduler = new EcsScheduler(clients, moto.target(), clusters, DeploymentRules.ECS_DEFAULTS, brokenImage, moto.taskEndings());
        timer.scheduleWithFixedDelay(() -> {
            try {
                scheduler.reconcileOnce();
                afterRound.run();
            } catch (RuntimeException e) {
                // The next round tries again, as ECS's own scheduler would.
            }
        }, 0, every.toMillis(), TimeUnit.MILLISECONDS);
    }

    public static SchedulerLoop start(MotoWorld moto, String cluster) {
        return new SchedulerLoop(moto, List.of(cluster), Duration.ofMillis(300), image -> false, () -> { });
    }

    /**
     * A scheduler whose tasks of the images {@code brokenImage} accepts exit 1 (told to the world's task endings), and which
     * calls {@code afterRound} after each of its rounds: where a test looks at what a round left.
     */
    public static SchedulerLoop start(MotoWorld moto, String cluster, Predicate<String> brokenImage, Runnable afterRound) {
        return new SchedulerLoop(moto, List.of(cluster), Duration.ofMillis(300), brokenImage, afterRound);
    }

    @Override
    public void close() throws InterruptedException {
        timer.shutdownNow();
        timer.awaitTermination(5, TimeUnit.SECONDS);
        clients.close();
    }
}
