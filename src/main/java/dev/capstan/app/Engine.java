package dev.capstan.app;

import dev.capstan.aws.AwsClients;
import dev.capstan.aws.DynamoHistoryTable;
import dev.capstan.aws.DynamoLockTable;
import dev.capstan.aws.IdentityGateway;
import dev.capstan.aws.ProfileCatalog;
import dev.capstan.aws.SdkAutoScalingGateway;
import dev.capstan.aws.SdkBranchGateway;
import dev.capstan.aws.SdkCodeDeployGateway;
import dev.capstan.aws.SdkEcsGateway;
import dev.capstan.aws.SdkListenerRulesGateway;
import dev.capstan.aws.SdkLiveTailGateway;
import dev.capstan.aws.SdkMetricsGateway;
import dev.capstan.aws.SdkLogsGateway;
import dev.capstan.aws.SdkNetworkGateway;
import dev.capstan.aws.SdkRolloutGateway;
import dev.capstan.aws.SdkS3Gateway;
import dev.capstan.aws.SdkTargetHealthGateway;
import dev.capstan.aws.SdkTaskDefinitionReader;
import dev.capstan.aws.SdkTaskDefinitionRegistry;
import dev.capstan.aws.SdkTaskSetGateway;
import dev.capstan.aws.StsIdentityGateway;
import dev.capstan.aws.TaskDefinitionReader;
import dev.capstan.db.ConnectionFactory;
import dev.capstan.db.JdbcRegionConfigStore;
import dev.capstan.domain.Environment;
import dev.capstan.ops.OperationType;
import dev.capstan.ops.Patience;
import dev.capstan.ops.OperationTypes;
import dev.capstan.ops.Operations;
import dev.capstan.ops.RunStore;
import dev.capstan.ops.Runner;
import dev.capstan.ops.Targets;
import dev.capstan.ops.bluegreen.BlueGreen;
import dev.capstan.ops.bluegreen.BlueGreenServices;
import dev.capstan.ops.branch.BranchEnvironments;
import dev.capstan.ops.branch.BranchServices;
import dev.capstan.ops.codedeploy.CodeDeployServices;
import dev.capstan.ops.codedeploy.CodeDeploys;
import dev.capstan.ops.compose.ComposeImports;
import dev.capstan.ops.controller.Deploys;
import dev.capstan.ops.history.HistoryTimings;
import dev.capstan.ops.history.TeamHistory;
import dev.capstan.ops.lock.DeployLock;
import dev.capstan.ops.lock.ForceReleaseLock;
import dev.capstan.ops.logs.LogReading;
import dev.capstan.ops.metrics.ServiceGraphs;
import dev.capstan.ops.logs.LogSources;
import dev.capstan.ops.publish.PublishServices;
import dev.capstan.ops.publish.RegionData;
import dev.capstan.ops.restart.RestartFactory;
import dev.capstan.ops.restart.RestartServices;
import dev.capstan.ops.rolling.Rolling;
import dev.capstan.ops.rolling.RollingServices;
import dev.capstan.ops.runbook.Attendants;
import dev.capstan.ops.runbook.RunbookFactory;
import dev.capstan.ops.runbook.RunbookServices;
import dev.capstan.ops.scale.ScaleServiceFactory;
import dev.capstan.ops.task.OneOffTaskFactory;
import dev.capstan.ops.task.TaskRunServices;
import dev.capstan.ops.verify.CheckServices;
import dev.capstan.ops.verify.Checks;
import java.net.http.HttpClient;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Supplier;

/**
 * The operation engine composed once: gateways over the AWS clients, every operation type's declaration, the
 * catalogue they make, the deploy lock and the runner. The console, the CLI and the tests all build it here,
 * so what a test runs is wired as the product is. Adding an operation type is a line in {@link #declarations}.
 */
public final class Engine {
    public final Targets targets;
    public final DeployLock lock;
    public final SdkEcsGateway ecs;
    public final TaskDefinitionReader taskDefinitions;
    public final LogReading logs;
    /** A service's CloudWatch graphs, with runs marked. */
    public final ServiceGraphs graphs;
    public final ScaleServiceFactory scale;
    public final OneOffTaskFactory tasks;
    public final RegionData regionData;
    public final RestartFactory restart;
    public final RunbookFactory runbooks;
    public final BlueGreen blueGreen;
    public final Rolling rolling;
    public final Deploys deploys;
    /** Docker Compose files registered as Fargate task definitions. */
    public final ComposeImports compose;
    /** Short-lived seeded copies of an environment's service for a branch. */
    public final BranchEnvironments branches;
    public final Runner runner;
    public final Operations operations;
    /** The team's history: this machine's runs mirrored to the environments' history tables, and other consoles' runs read back. */
    public final TeamHistory history;

    private Engine(Builder b) {
        targets = new Targets(b.profiles, b.identity != null ? b.identity : new StsIdentityGateway(b.clients));
        lock = new DeployLock(new DynamoLockTable(b.clients), b.heartbeats, b.clock, b.lease, b.heartbeat);
        ecs = new SdkEcsGateway(b.clients);
        taskDefinitions = new SdkTaskDefinitionReader(b.clients);
        SdkLogsGateway logsGateway = new SdkLogsGateway(b.clients);
        LogSources logSources = new LogSources(ecs, taskDefinitions, targets);
        logs = new LogReading(logsGateway, new SdkLiveTailGateway(b.clients), logSources, b.clock);
        SdkTargetHealthGateway targetHealth = new SdkTargetHealthGateway(b.clients);
        JdbcRegionConfigStore regionRows = new JdbcRegionConfigStore(new ConnectionFactory(b.environmentVariables));
        AtomicReference<TeamHistory> team = new AtomicReference<>();
        RunStore runStore = new RunStore(b.runsDirectory, b.clock, store -> {
            team.set(new TeamHistory(store, new DynamoHistoryTable(b.clients), targets, b.environments, b.operator, b.historyClock, b.historyTimings));
            return team.get();
        });
        history = team.get();
        graphs = new ServiceGraphs(new SdkMetricsGateway(b.clients), ecs, new SdkTaskSetGateway(b.clients), targets, runStore);

        scale = new ScaleServiceFactory(ecs, targets, b.waitClock);
        tasks = new OneOffTaskFactory(new TaskRunServices(ecs, new SdkNetworkGateway(b.clients), taskDefinitions, logs, targets,
                b.pollOr(TaskRunServices.POLL), b.waitClock));
        SdkS3Gateway s3 = b.s3 != null ? b.s3 : new SdkS3Gateway(b.clients);
        regionData = new RegionData(new PublishServices(s3, regionRows, targets, b.copyConcurrency, b.clock));
        restart = new RestartFactory(new RestartServices(ecs, new SdkAutoScalingGateway(b.clients), targetHealth, logsGateway, logSources,
                taskDefinitions, targets, b.pollOr(RestartServices.POLL), b.restartClock));
        blueGreen = new BlueGreen(new BlueGreenServices(ecs, new SdkTaskSetGateway(b.clients), new SdkListenerRulesGateway(b.clients), targetHealth,
                taskDefinitions, logs, targets, runStore, b.pollOr(BlueGreenServices.POLL), b.waitClock, tasks));
        rolling = new Rolling(new RollingServices(ecs, new SdkRolloutGateway(b.clients), new SdkTaskSetGateway(b.clients),
                new SdkAutoScalingGateway(b.clients), targetHealth,
                taskDefinitions, logs, targets, runStore, tasks, b.pollOr(RollingServices.POLL), b.restartClock));
        CodeDeploys codeDeploys = new CodeDeploys(new CodeDeployServices(new SdkCodeDeployGateway(b.clients), ecs, new SdkTaskSetGateway(b.clients),
                targetHealth, taskDefinitions, targets, runStore, tasks, b.pollOr(CodeDeployServices.POLL), b.waitClock));
        deploys = new Deploys(rolling, blueGreen, codeDeploys, runStore);
        compose = new ComposeImports(new SdkTaskDefinitionRegistry(b.clients), taskDefinitions, ecs, targets);
        branches = new BranchEnvironments(new BranchServices(new SdkBranchGateway(b.clients), ecs, new SdkTaskDefinitionRegistry(b.clients),
                new SdkListenerRulesGateway(b.clients), targetHealth, targets, tasks, b.waitClock, b.pollOr(BranchServices.POLL)), taskDefinitions, b.operator);
        Checks checks = new Checks(new CheckServices(ecs, taskDefinitions, targetHealth, logsGateway, logSources, regionRows, targets,
                new OnFirstUse<>(() -> HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build())::get, b.clock));
        // A runbook starts runs on the runner whose catalogue holds the runbook type itself: the runner is handed over once built.
        AtomicReference<Runner> runnerOnceBuilt = new AtomicReference<>();
        runbooks = new RunbookFactory(new RunbookServices(runnerOnceBuilt::get, checks, b.attendants, b.clock));
        List<OperationType<?>> types = declarations();
        types.addAll(b.extraTypes);
        runner = new Runner(runStore, lock, new OperationTypes(types), targets, b.runExecutor, b.operator, b.patience);
        runnerOnceBuilt.set(runner);
        operations = new Operations(runner, lock, targets, scale, tasks, regionData, restart, runbooks, blueGreen, rolling, deploys, compose, branches);
    }

    /** Every operation type Capstan has: one line each. */
    private List<OperationType<?>> declarations() {
        List<OperationType<?>> types = new ArrayList<>();
        types.add(scale.declaration());
        types.add(tasks.declaration());
        types.addAll(restart.declarations());
        types.addAll(blueGreen.declarations());
        types.addAll(rolling.declarations());
        types.addAll(deploys.codeDeploys().declarations());
        types.addAll(deploys.declarations());
        types.addAll(regionData.declarations());
        types.add(compose.declaration());
        types.addAll(branches.declarations());
        types.add(runbooks.declaration());
        types.add(ForceReleaseLock.declaration(lock, targets));
        return types;
    }

    public static Builder builder(AwsClients clients, ProfileCatalog profiles) {
        return new Builder(clients, profiles);
    }

    /** What the engine is built from; the defaults are the product's, a test shortens the waits. */
    public static final class Builder {
        private final AwsClients clients;
        private final ProfileCatalog profiles;
        private IdentityGateway identity;
        private Path runsDirectory;
        private String operator;
        private ExecutorService runExecutor;
        private ScheduledExecutorService heartbeats;
        private Map<String, String> environmentVariables = Map.of();
        private Clock clock = Clock.systemUTC();
        private Clock restartClock = Clock.systemUTC();
        private Clock waitClock = Clock.systemUTC();
        private Duration lease = Duration.ofSeconds(30);
        private Duration heartbeat = Duration.ofSeconds(5);
        private Duration poll;
        private SdkS3Gateway s3;
        private int copyConcurrency = PublishServices.CONCURRENCY;
        private Attendants attendants = new Attendants();
        private final List<OperationType<?>> extraTypes = new ArrayList<>();
        private Supplier<List<Environment>> environments = List::of;
        private HistoryTimings historyTimings = HistoryTimings.standard();
        private Clock historyClock = Clock.systemUTC();
        private Patience patience = Patience.standard(Clock.systemUTC());

        private Builder(AwsClients clients, ProfileCatalog profiles) {
            this.clients = clients;
            this.profiles = profiles;
        }

        public Builder identity(IdentityGateway identity) {
            this.identity = identity;
            return this;
        }

        /** Where run journals and the runs index live. */
        public Builder runs(Path directory) {
            this.runsDirectory = directory;
            return this;
        }

        /** Who runs Capstan here, user@host: journals and lock records say so. */
        public Builder operator(String operator) {
            this.operator = operator;
            return this;
        }

        /** Runs get threads of their own; lock heartbeats a scheduler of their own. */
        public Builder executors(ExecutorService runs, ScheduledExecutorService heartbeats) {
            this.runExecutor = runs;
            this.heartbeats = heartbeats;
            return this;
        }

        /** The process's environment: database passwords are read from it. */
        public Builder environmentVariables(Map<String, String> variables) {
            this.environmentVariables = Map.copyOf(variables);
            return this;
        }

        public Builder lockTimings(Duration lease, Duration heartbeat) {
            this.lease = lease;
            this.heartbeat = heartbeat;
            return this;
        }

        /** How often the waits of tasks, restarts and deploys look; each keeps its own default when this is not set. */
        public Builder poll(Duration every) {
            this.poll = every;
            return this;
        }

        /** What the waits of scales, one-off tasks and deploys measure their timeouts by. */
        public Builder waitClock(Clock clock) {
            this.waitClock = clock;
            return this;
        }

        /** What the waits of restarts and rolling deploys measure their timeouts by. */
        public Builder restartClock(Clock clock) {
            this.restartClock = clock;
            return this;
        }

        public Builder s3(SdkS3Gateway gateway, int copyConcurrency) {
            this.s3 = gateway;
            this.copyConcurrency = copyConcurrency;
            return this;
        }

        public Builder attendants(Attendants attendants) {
            this.attendants = attendants;
            return this;
        }

        /** The environments of the workspace in use, as it is now: the team's history is read from and sent to their history tables. */
        public Builder environments(Supplier<List<Environment>> environments) {
            this.environments = environments;
            return this;
        }

        /** How the team's history keeps time, and the clock it tells a console's silence by. */
        public Builder history(HistoryTimings timings, Clock clock) {
            this.historyTimings = timings;
            this.historyClock = clock;
            return this;
        }

        /** How runs ride out AWS faults that a pause can mend: the pauses, and the budget a step may spend retrying. */
        public Builder patience(Patience patience) {
            this.patience = patience;
            return this;
        }

        /** Operation types beyond the product's own, such as a test's. */
        public Builder declare(OperationType<?> type) {
            extraTypes.add(type);
            return this;
        }

        private Duration pollOr(Duration standard) {
            return poll != null ? poll : standard;
        }

        public Engine build() {
            Objects.requireNonNull(runsDirectory, "runs directory");
            Objects.requireNonNull(operator, "operator");
            Objects.requireNonNull(runExecutor, "run executor");
            Objects.requireNonNull(heartbeats, "heartbeat scheduler");
            return new Engine(this);
        }
    }
}
