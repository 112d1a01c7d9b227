package dev.capstan.sandbox;

import dev.capstan.aws.AwsClientSettings;
import dev.capstan.aws.AwsClients;
import dev.capstan.aws.CallCounter;
import dev.capstan.aws.ProfileCatalog;
import dev.capstan.aws.SdkClusterReader;
import dev.capstan.aws.sandbox.EcsScheduler;
import dev.capstan.aws.sandbox.EstateSeeder;
import dev.capstan.domain.AwsTarget;
import dev.capstan.domain.ClusterSnapshot;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;

/**
 * Seeds moto with one wide cluster and measures what one full refresh of the Clusters view costs: the
 * AWS requests sent (counted at the wire) against the fewest the ECS API allows, and the time taken.
 */
public final class ClusterRefreshBenchmark {
    private static final String CLUSTER = "bench";

    private ClusterRefreshBenchmark() {
    }

    /** Returns 0 when a refresh made no more calls than the API's limits require, 1 otherwise. */
    public static int run(int services, int tasksPerService, int refreshes, PrintWriter out) throws Exception {
        Path directory = Files.createTempDirectory("capstan-bench-");
        boolean finished = false;
        try (MotoServer moto = MotoServer.start(directory.resolve("moto.log"))) {
            Path config = directory.resolve("config");
            Path credentials = directory.resolve("credentials");
            SandboxProfiles.write(config, credentials, moto.endpoint());
            CallCounter counter = new CallCounter();
            try (AwsClients clients = new AwsClients(new ProfileCatalog(config, credentials),
                    AwsClientSettings.forLocalStandIn().withInterceptor(counter))) {
                AwsTarget target = new AwsTarget(SandboxEstate.PROFILE, SandboxEstate.REGION, moto.endpoint());
                out.printf("Seeding moto with %d services of %d tasks…%n", services, tasksPerService);
                out.flush();
                new EstateSeeder(clients, target).wideCluster(CLUSTER, services, tasksPerService);
                new EcsScheduler(clients, target, List.of(CLUSTER)).reconcileOnce();

                SdkClusterReader reader = new SdkClusterReader(clients, Clock.systemUTC());
                ClusterSnapshot snapshot = reader.snapshot(target, CLUSTER);
                List<Long> millis = new ArrayList<>();
                Map<String, Long> calls = Map.of();
                for (int i = 0; i < refreshes; i++) {
                    counter.reset();
                    long start = System.nanoTime();
                    snapshot = reader.snapshot(target, CLUSTER);
                    millis.add((System.nanoTime() - start) / 1_000_000);
                    calls = counter.counts();
                }
                long running = snapshot.tasks().stream().filter(t -> "RUNNING".equals(t.desiredStatus())).count();
                long stopped = snapshot.tasks().size() - running;
                // The describes are fixed by the API's batch limits; the lists by its page size (100), though
                // moto answers a ListTasks with every task in one page, so it may take fewer pages than AWS would.
                long describesMinimum = pages(services, 10) + pages(running + stopped, 100);
                long describes = calls.getOrDefault("DescribeServices", 0L) + calls.getOrDefault("DescribeTasks", 0L);
                long minimum = pages(services, 100) + describesMinimum + Math.max(1, pages(running, 100)) + Math.max(1, pages(stopped, 100));
                long total = calls.values().stream().mapToLong(Long::longValue).sum();
                Collections.sort(millis);
                out.printf("Cluster: %d services, %d tasks (%d running, %d stopped)%n", snapshot.services().size(), snapshot.tasks().size(),
                        running, stopped);
                out.printf("AWS calls per full refresh: %d %s%n", total, calls);
                out.printf("  describes: %d, the minimum the batch limits allow: %d%n", describes, describesMinimum);
                out.printf("  all calls: %d, the minimum on AWS with pages of 100: %d (moto pages ListTasks less)%n", total, minimum);
                out.printf("Refresh time over %d refreshes: median %d ms, slowest %d ms%n", refreshes, millis.get(millis.size() / 2),
                        millis.get(millis.size() - 1));
                finished = true;
                return describes == describesMinimum && total <= minimum ? 0 : 1;
            }
        } finally {
            if (finished) {
                try {
                    Trees.delete(directory);
                } catch (java.io.IOException leftBehind) {
                    // A temporary directory left behind is harmless.
                }
            } else {
                out.println("The benchmark stopped; moto's log is in " + directory.resolve("moto.log"));
            }
        }
    }

    private static long pages(long items, int pageSize) {
        return (items + pageSize - 1) / pageSize;
    }
}
