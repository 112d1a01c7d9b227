package dev.capstan.ops;

import dev.capstan.aws.DynamoLockTable;
import dev.capstan.aws.EcsGateway;
import dev.capstan.aws.SdkEcsGateway;
import dev.capstan.aws.SdkLogsGateway;
import dev.capstan.aws.SdkNetworkGateway;
import dev.capstan.aws.SdkS3Gateway;
import dev.capstan.db.ConnectionFactory;
import dev.capstan.db.JdbcRegionConfigStore;
import dev.capstan.ops.publish.PublishServices;
import dev.capstan.ops.publish.RegionData;
import dev.capstan.aws.SdkAutoScalingGateway;
import dev.capstan.aws.SdkTargetHealthGateway;
import dev.capstan.ops.restart.RestartFactory;
import dev.capstan.ops.restart.RestartServices;
import dev.capstan.ops.runbook.Attendants;
import dev.capstan.aws.SdkListenerRulesGateway;
import dev.capstan.aws.SdkTaskSetGateway;
import dev.capstan.ops.bluegreen.BlueGreen;
import dev.capstan.ops.bluegreen.BlueGreenServices;
import dev.capstan.ops.runbook.OperationCalls;
import dev.capstan.ops.runbook.RunbookFactory;
import dev.capstan.ops.runbook.RunbookServices;
import dev.capstan.ops.verify.CheckServices;
import dev.capstan.ops.verify.Checks;
import java.net.http.HttpClient;
import java.util.concurrent.atomic.AtomicReference;
import java.util.ArrayList;
import java.util.Map;
import dev.capstan.aws.SdkTaskDefinitionReader;
import dev.capstan.aws.TaskDefinitionReader;
import dev.capstan.ops.logs.LogReading;
import dev.capstan.ops.logs.LogSources;
import dev.capstan.ops.task.OneOffTaskFactory;
import dev.capstan.ops.task.TaskRunServices;
import dev.capstan.aws.StsIdentityGateway;
import dev.capstan.domain.Environment;
import dev.capstan.ops.lock.DeployLock;
import dev.capstan.ops.lock.ForceReleaseLock;
import dev.capstan.ops.scale.ScaleServiceFactory;
import dev.capstan.testworld.ManualClock;
import dev.capstan.testworld.MotoWorld;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;

/**
 * The engine wired as the composition root wires it, against a moto world, with a short lock lease so
 * the takeover tests take seconds. Used by tests and by the child JVM the crash test kills.
 */
public final class EngineWorld implements AutoCloseable {
    public static final Duration LEASE = Duration.ofMillis(1500);
    public static final Duration HEARTBEAT = Duration.ofMillis(300);
    public static final Duration TASK_POLL = Duration.ofMillis(300);
    public final ExecutorService runs = Executors.newCachedThreadPool();
    public final ScheduledExecutorService heartbeats = Executors.newScheduledThreadPool(2);
    public final Targets targets;
    public final DeployLock lock;
    public final EcsGateway ecs;
    public final ScaleServiceFactory scale;
    public final OneOffTaskFactory tasks;
    public final RegionData regionData;
    public final RestartFactory restart;
    public final RunbookFactory runbooks;
    public final BlueGreen blueGreen;
    public final Attendants attendants = new Attendants();
    public final SdkS3Gateway s3;
    public final TaskDefinitionReader taskDefinitions;
    public final Runner runner;
    /** What the restart's waits measure their timeouts by: a test that wants one to pass moves it, once it has seen what it waits for. */
    public final ManualClock restartClock = new ManualClock(Instant.now());

    public EngineWorld(MotoWorld moto, Path runsDirectory) {
        this(moto.clients(), moto.catalog(), runsDirectory, "tester@test-host");
    }

    public EngineWorld(dev.capstan.aws.AwsClients clients, dev.capstan.aws.ProfileCatalog catalog, Path runsDirectory, String operator) {
        targets = new Targets(catalog, new StsIdentityGateway(clients));
        lock = new DeployLock(new DynamoLockTable(clients), heartbeats, Clock.systemUTC(), LEASE, HEARTBEAT);
        ecs = new SdkEcsGateway(clients);
        scale = new ScaleServiceFactory(ecs, targets);
        taskDefinitions = new SdkTaskDefinitionReader(clients);
        LogReading logs = new LogReading(new SdkLogsGateway(clients), new LogSources(ecs, taskDefinitions, targets), Clock.systemUTC());
        tasks = new OneOffTaskFactory(new TaskRunServices(ecs, new SdkNetworkGateway(clients), taskDefinitions, logs, targets, TASK_POLL));
        // A low multipart threshold (6 MiB, 5 MiB parts) lets a test take the UploadPartCopy path with small objects.
        s3 = new SdkS3Gateway(clients, 6L * 1024 * 1024, 5L * 1024 * 1024);
        JdbcRegionConfigStore regionRows = new JdbcRegionConfigStore(new ConnectionFactory(Map.of()));
        regionData = new RegionData(new PublishServices(s3, regionRows, targets, 16, Clock.systemUTC()));
        SdkTargetHealthGateway targetHealth = new SdkTargetHealthGateway(clients);
        LogSources logSources = new LogSources(ecs, taskDefinitions, targets);
        restart = new RestartFactory(new RestartServices(ecs, new SdkAutoScalingGateway(clients), targetHealth,
                new SdkLogsGateway(clients), logSources, taskDefinitions, targets, TASK_POLL, restartClock));
        RunStore runStore = new RunStore(runsDirectory, Clock.systemUTC());
        blueGreen = new BlueGreen(new BlueGreenServices(ecs, new SdkTaskSetGateway(clients), new SdkListenerRulesGateway(clients), targetHealth,
                taskDefinitions, logs, targets, runStore, TASK_POLL));
        AtomicReference<Runner> runnerOnceBuilt = new AtomicReference<>();
        runbooks = new RunbookFactory(new RunbookServices(runnerOnceBuilt::get, new OperationCalls(scale, tasks, restart, regionData, blueGreen),
                new Checks(new CheckServices(ecs, taskDefinitions, targetHealth, new SdkLogsGateway(clients), logSources, regionRows, targets,
                        HttpClient.newHttpClient(), Clock.systemUTC())), attendants, Clock.systemUTC()));
        List<OperationFactory> factories = new ArrayList<>(List.of(LedgerOperation.factory(), scale, tasks, ForceReleaseLock.factory(lock, targets)));
        factories.addAll(regionData.factories());
        factories.addAll(restart.factories());
        factories.add(runbooks);
        factories.addAll(blueGreen.factories());
        runner = new Runner(runStore, lock, new OperationCatalog(factories), targets, runs, operator);
        runnerOnceBuilt.set(runner);
    }

    /** An environment with nothing but a cluster name and a lock table, for operations that only touch files. */
    public static Environment plainEnvironment(String name, String endpoint, boolean production, String lockTable) {
        return new Environment(name, MotoWorld.PROFILE, MotoWorld.REGION, endpoint, production, false, name + "-cluster", null, null,
                null, null, null, null, null, null, lockTable, null);
    }

    @Override
    public void close() {
        runs.shutdownNow();
        heartbeats.shutdownNow();
    }
}
