package dev.capstan.ops;

import dev.capstan.app.Engine;
import dev.capstan.aws.EcsGateway;
import dev.capstan.aws.SdkS3Gateway;
import dev.capstan.aws.TaskDefinitionReader;
import dev.capstan.domain.Environment;
import dev.capstan.ops.bluegreen.BlueGreen;
import dev.capstan.ops.lock.DeployLock;
import dev.capstan.ops.publish.RegionData;
import dev.capstan.ops.restart.RestartFactory;
import dev.capstan.ops.runbook.Attendants;
import dev.capstan.ops.runbook.RunbookFactory;
import dev.capstan.ops.scale.ScaleServiceFactory;
import dev.capstan.ops.task.OneOffTaskFactory;
import dev.capstan.testworld.ManualClock;
import dev.capstan.testworld.MotoWorld;
import dev.capstan.ops.history.HistoryTimings;
import dev.capstan.ops.history.TeamHistory;
import java.nio.file.Path;
import java.time.Clock;
import java.util.List;
import java.util.function.Supplier;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;

/**
 * The engine as the product composes it ({@link Engine}), against a moto world, with a short lock lease so
 * the takeover tests take seconds. Used by tests and by the child JVM the crash test kills.
 */
public final class EngineWorld implements AutoCloseable {
    public static final Duration LEASE = Duration.ofMillis(1500);
    public static final Duration HEARTBEAT = Duration.ofMillis(300);
    public static final Duration TASK_POLL = Duration.ofMillis(300);
    /** The team history's timings here: a console silent for the lock's lease reads as gone; listings are never reused. */
    public static final HistoryTimings HISTORY = new HistoryTimings(HEARTBEAT, LEASE, Duration.ZERO, Duration.ofMillis(50));
    /** Riding out AWS's passing faults here: pauses from 100 ms to 1 s, and 4 s of retrying a refusal before the step fails. */
    public static final Patience PATIENCE = new Patience(Duration.ofMillis(100), Duration.ofSeconds(1), Duration.ofSeconds(4), Clock.systemUTC());
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
    public final dev.capstan.ops.rolling.Rolling rolling;
    public final dev.capstan.ops.controller.Deploys deploys;
    public final dev.capstan.ops.codedeploy.CodeDeploys codeDeploys;
    public final dev.capstan.ops.compose.ComposeImports compose;
    public final dev.capstan.ops.branch.BranchEnvironments branches;
    public final Attendants attendants = new Attendants();
    public final SdkS3Gateway s3;
    public final TaskDefinitionReader taskDefinitions;
    public final Runner runner;
    public final TeamHistory history;
    public final dev.capstan.ops.metrics.ServiceGraphs graphs;
    /** What the restart's waits measure their timeouts by: a test that wants one to pass moves it, once it has seen what it waits for. */
    public final ManualClock restartClock = new ManualClock(Instant.now());

    public EngineWorld(MotoWorld moto, Path runsDirectory) {
        this(moto.clients(), moto.catalog(), runsDirectory, "tester@test-host");
    }

    public EngineWorld(dev.capstan.aws.AwsClients clients, dev.capstan.aws.ProfileCatalog catalog, Path runsDirectory, String operator) {
        this(clients, catalog, runsDirectory, operator, List::of, Clock.systemUTC());
    }

    /**
     * A console whose workspace has these environments, whose history tables it shares runs in; {@code historyClock} tells
     * how long another console has been silent.
     */
    public EngineWorld(dev.capstan.aws.AwsClients clients, dev.capstan.aws.ProfileCatalog catalog, Path runsDirectory, String operator,
                       Supplier<List<Environment>> environments, Clock historyClock) {
        this(clients, catalog, runsDirectory, operator, environments, historyClock, PATIENCE, Clock.systemUTC());
    }

    /**
     * As above, riding out AWS's passing faults with the given patience (the product's own, say, where a test means to show it),
     * the waits of scales, tasks and deploys measuring their timeouts by {@code waitClock}.
     */
    public EngineWorld(dev.capstan.aws.AwsClients clients, dev.capstan.aws.ProfileCatalog catalog, Path runsDirectory, String operator,
                       Supplier<List<Environment>> environments, Clock historyClock, Patience patience, Clock waitClock) {
        // A low multipart threshold (6 MiB, 5 MiB parts) lets a test take the UploadPartCopy path with small objects.
        s3 = new SdkS3Gateway(clients, 6L * 1024 * 1024, 5L * 1024 * 1024);
        Engine engine = Engine.builder(clients, catalog).runs(runsDirectory).operator(operator).executors(runs, heartbeats)
                .lockTimings(LEASE, HEARTBEAT).poll(TASK_POLL).restartClock(restartClock).waitClock(waitClock).s3(s3, 16).attendants(attendants)
                .declare(LedgerOperation.declaration()).environments(environments).history(HISTORY, historyClock).patience(patience).build();
        targets = engine.targets;
        lock = engine.lock;
        ecs = engine.ecs;
        scale = engine.scale;
        taskDefinitions = engine.taskDefinitions;
        tasks = engine.tasks;
        regionData = engine.regionData;
        restart = engine.restart;
        blueGreen = engine.blueGreen;
        rolling = engine.rolling;
        deploys = engine.deploys;
        codeDeploys = engine.deploys.codeDeploys();
        compose = engine.compose;
        branches = engine.branches;
        runbooks = engine.runbooks;
        runner = engine.runner;
        history = engine.history;
        graphs = engine.graphs;
    }

    /** The operation a parent test planned, from its flat parameters, read as a journal written before requests were typed is. */
    public Operation fromFlat(String type, Environment environment, java.util.Map<String, String> parameters) {
        OperationType<?> declared = runner.types().require(type);
        return declared.rebuildUnchecked(environment, Requests.fromFlat(parameters, declared.requestType()));
    }

    /** An environment with nothing but a cluster name and a lock table, for operations that only touch files. */
    public static Environment plainEnvironment(String name, String endpoint, boolean production, String lockTable) {
        return new Environment(name, MotoWorld.PROFILE, MotoWorld.REGION, endpoint, production, false, name + "-cluster", null, null,
                null, null, null, null, null, null, lockTable, null, null);
    }

    @Override
    public void close() {
        history.close();
        runs.shutdownNow();
        heartbeats.shutdownNow();
    }
}
