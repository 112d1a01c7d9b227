package dev.capstan.app;

import dev.capstan.aws.AwsClientSettings;
import dev.capstan.aws.AwsClients;
import dev.capstan.aws.ClusterReader;
import dev.capstan.aws.SdkClusterReader;
import dev.capstan.ops.logs.LogReading;
import dev.capstan.ops.metrics.ServiceGraphs;
import dev.capstan.aws.LoadBalancerReader;
import dev.capstan.aws.SdkLoadBalancerReader;
import dev.capstan.aws.TaskDefinitionReader;
import dev.capstan.aws.EstateProbe;
import dev.capstan.aws.IdentityGateway;
import dev.capstan.aws.ProfileCatalog;
import dev.capstan.aws.SdkEstateProbe;
import dev.capstan.aws.StsIdentityGateway;
import dev.capstan.cli.CliServices;
import dev.capstan.config.SettingsStore;
import dev.capstan.config.UserDirectories;
import dev.capstan.config.WorkspaceLoader;
import dev.capstan.ops.history.TeamHistory;
import dev.capstan.db.ConnectionFactory;
import dev.capstan.db.JdbcDatabaseProbe;
import dev.capstan.ops.Operations;
import dev.capstan.ops.envcheck.EnvironmentCheck;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * The one composition root: it builds the executor, the AWS clients, the gateways and the stores once,
 * hands them to whoever needs them by constructor, and closes them in reverse order.
 */
public final class AppContext implements AutoCloseable {
    /** How long closing waits for live runs to reach a safe point. */
    private static final java.time.Duration CLOSE_GRACE = java.time.Duration.ofSeconds(20);
    private final UserDirectories directories;
    private final Map<String, String> environmentVariables;
    private final ExecutorService background;
    private final SettingsStore settings;
    private final ProfileCatalog profiles;
    private final AwsClients aws;
    private final IdentityGateway identity;
    private final EstateProbe estate;
    private final EnvironmentCheck environmentCheck;
    private final ExecutorService runs;
    private final ScheduledExecutorService heartbeats;
    private final Operations operations;
    private final TeamHistory history;
    private final ClusterReader clusters;
    private final TaskDefinitionReader taskDefinitions;
    private final LoadBalancerReader loadBalancers;
    private final LogReading logs;
    private final ServiceGraphs graphs;
    private final WorkspaceLoader workspaceLoader = new WorkspaceLoader();
    private final List<AutoCloseable> owned = new ArrayList<>();
    private boolean closed;

    public AppContext(UserDirectories directories, Map<String, String> environmentVariables, ProfileCatalog profiles,
                      AwsClientSettings awsSettings) {
        this.directories = directories;
        this.environmentVariables = Map.copyOf(environmentVariables);
        this.background = Executors.newFixedThreadPool(6, daemonThreads("capstan-background"));
        this.settings = new SettingsStore(directories.config().resolve("settings.json"));
        this.profiles = profiles;
        this.aws = new AwsClients(profiles, awsSettings);
        this.identity = new StsIdentityGateway(aws);
        this.estate = new SdkEstateProbe(aws);
        this.environmentCheck = new EnvironmentCheck(profiles, identity, estate,
                new JdbcDatabaseProbe(new ConnectionFactory(this.environmentVariables)));
        // Runs get threads of their own, so a long wait never starves the views' background work.
        this.runs = Executors.newCachedThreadPool(daemonThreads("capstan-run"));
        this.heartbeats = Executors.newSingleThreadScheduledExecutor(daemonThreads("capstan-lock-heartbeat"));
        Engine engine = Engine.builder(aws, profiles).identity(identity).runs(directories.state().resolve("runs"))
                .operator(operator(this.environmentVariables)).executors(runs, heartbeats).environmentVariables(this.environmentVariables)
                .environments(workspaceLoader::environmentsInUse).build();
        this.history = engine.history;
        this.operations = engine.operations;
        this.taskDefinitions = engine.taskDefinitions;
        this.logs = engine.logs;
        this.graphs = engine.graphs;
        this.clusters = new SdkClusterReader(aws, Clock.systemUTC());
        this.loadBalancers = new SdkLoadBalancerReader(aws, Clock.systemUTC());
    }

    /** Who runs Capstan here, for journals and lock records: the OS user at this host. */
    private static String operator(Map<String, String> env) {
        String host = env.getOrDefault("HOSTNAME", "");
        if (host.isBlank()) {
            try {
                host = java.net.InetAddress.getLocalHost().getHostName();
            } catch (java.net.UnknownHostException e) {
                host = "localhost";
            }
        }
        return System.getProperty("user.name") + "@" + host;
    }

    /** The context for a person's own machine: their AWS files, their XDG directories, AWS's retry habits. */
    public static AppContext forUser(Map<String, String> env) {
        return new AppContext(UserDirectories.fromEnvironment(env), env, ProfileCatalog.fromEnvironment(env), AwsClientSettings.forAws());
    }

    private static ThreadFactory daemonThreads(String name) {
        AtomicInteger counter = new AtomicInteger();
        return runnable -> {
            Thread thread = new Thread(runnable, name + "-" + counter.incrementAndGet());
            thread.setDaemon(true);
            return thread;
        };
    }

    /** Something the context should close with itself, such as the sandbox it was started on. */
    public void own(AutoCloseable resource) {
        owned.add(0, resource);
    }

    public ExecutorService background() {
        return background;
    }

    public UserDirectories directories() {
        return directories;
    }

    public SettingsStore settings() {
        return settings;
    }

    public ProfileCatalog profiles() {
        return profiles;
    }

    public AwsClients aws() {
        return aws;
    }

    public IdentityGateway identity() {
        return identity;
    }

    public EnvironmentCheck environmentCheck() {
        return environmentCheck;
    }

    public WorkspaceLoader workspaceLoader() {
        return workspaceLoader;
    }

    public LogReading logs() {
        return logs;
    }

    public ServiceGraphs graphs() {
        return graphs;
    }

    public LoadBalancerReader loadBalancers() {
        return loadBalancers;
    }

    public TaskDefinitionReader taskDefinitions() {
        return taskDefinitions;
    }

    public ClusterReader clusters() {
        return clusters;
    }

    public Operations operations() {
        return operations;
    }

    public CliServices cliServices() {
        return new CliServices(profiles, identity, environmentCheck, workspaceLoader, environmentVariables, operations,
                new LocalBenchmarks(), logs, history);
    }

    public TeamHistory history() {
        return history;
    }

    /** Closes everything once; later calls (a shutdown hook after a normal exit) do nothing. */
    @Override
    public synchronized void close() {
        if (closed) {
            return;
        }
        closed = true;
        // Runs stop first, while their lock heartbeats and AWS clients still work: they release the lock and read as interrupted.
        int still = operations.runner().stopLiveRuns("Capstan was closed during the run", CLOSE_GRACE);
        if (still > 0) {
            org.slf4j.LoggerFactory.getLogger(AppContext.class).warn("{} run(s) had not stopped when Capstan closed; resume them later", still);
        }
        // What the runs wrote reaches the team's history now if it can; what cannot waits on disk for the next start.
        history.close();
        background.shutdownNow();
        heartbeats.shutdownNow();
        runs.shutdown();
        try {
            background.awaitTermination(5, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        aws.close();
        for (AutoCloseable resource : owned) {
            try {
                resource.close();
            } catch (Exception e) {
                org.slf4j.LoggerFactory.getLogger(AppContext.class).warn("Could not close {}: {}", resource, e.getMessage());
            }
        }
        owned.clear();
    }
}
