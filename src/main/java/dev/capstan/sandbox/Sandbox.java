package dev.capstan.sandbox;

import dev.capstan.aws.AwsClientSettings;
import dev.capstan.aws.AwsClients;
import dev.capstan.aws.DynamoHistoryTable;
import dev.capstan.aws.ProfileCatalog;
import dev.capstan.aws.sandbox.DeploymentRules;
import dev.capstan.aws.sandbox.EcsScheduler;
import dev.capstan.aws.sandbox.EnvironmentSpec;
import dev.capstan.aws.sandbox.EstateSeeder;
import dev.capstan.aws.sandbox.LogTrickle;
import dev.capstan.aws.sandbox.MetricsPublisher;
import dev.capstan.aws.sandbox.OneOffTaskPlayer;
import dev.capstan.aws.sandbox.SeededEnvironment;
import dev.capstan.aws.sandbox.TaskEndings;
import dev.capstan.config.WorkspaceWriter;
import dev.capstan.domain.AwsTarget;
import dev.capstan.domain.DatabaseSettings;
import dev.capstan.domain.Environment;
import dev.capstan.domain.LoadBalancerSettings;
import dev.capstan.domain.NetworkSettings;
import dev.capstan.domain.RegionDataSettings;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A local estate with no AWS account: moto filled with a staging and a production estate, an embedded
 * PostgreSQL with region_config, a workspace and a profile pointing at them, and a scheduler that keeps
 * services at their desired counts while the sandbox is open. Closing it stops everything it started.
 */
public final class Sandbox implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(Sandbox.class);
    private final List<AutoCloseable> started = new ArrayList<>();
    private final TaskEndings taskEndings = new TaskEndings();
    private final Path directory;
    private Path workspace;

    private Sandbox(Path directory) {
        this.directory = directory;
    }

    public static Sandbox start(Path directory, Consumer<String> progress) throws Exception {
        Sandbox sandbox = new Sandbox(directory);
        try {
            sandbox.build(progress);
            return sandbox;
        } catch (Exception e) {
            sandbox.close();
            throw e;
        }
    }

    private void build(Consumer<String> progress) throws Exception {
        progress.accept("Starting moto_server (the AWS stand-in)…");
        MotoServer moto = MotoServer.start(directory.resolve("moto.log"));
        started.add(moto);
        SandboxProfiles.write(awsConfig(), awsCredentials(), moto.endpoint());
        AwsClients clients = new AwsClients(new ProfileCatalog(awsConfig(), awsCredentials()), AwsClientSettings.forLocalStandIn());
        started.add(0, clients);
        AwsTarget target = new AwsTarget(SandboxEstate.PROFILE, SandboxEstate.REGION, moto.endpoint());

        progress.accept("Seeding clusters, services, load balancers and region data…");
        EstateSeeder seeder = new EstateSeeder(clients, target).withApprovalWait(SandboxEstate.APPROVAL_MINUTES);
        // A CodeDeploy deployment moves a step each time someone looks, at most every two seconds: slow enough to watch.
        moto.codeDeployPace(2.0);
        seeder.lockTable(SandboxEstate.LOCK_TABLE);
        new DynamoHistoryTable(clients).create(target, SandboxEstate.HISTORY_TABLE);
        List<SeededEnvironment> seeded = new ArrayList<>();
        for (EnvironmentSpec spec : SandboxEstate.environments(40)) {
            seeded.add(seeder.seed(spec));
            if (spec.ec2()) {
                // One instance more than the service's tasks: room for ECS to start a new task beside the old ones in a rolling deploy.
                seeder.spareInstances(spec, 1);
            }
        }

        progress.accept("Starting PostgreSQL with region_config…");
        SandboxDatabase database = SandboxDatabase.start(directory.resolve("postgres"));
        started.add(0, database);
        for (SeededEnvironment env : seeded) {
            database.createRegionDatabase(env.spec().name(), env.regionUris());
        }

        List<String> clusters = seeded.stream().map(e -> e.spec().cluster()).toList();
        EcsScheduler scheduler = new EcsScheduler(clients, target, clusters, DeploymentRules.ECS_DEFAULTS, SandboxEstate::brokenImage, taskEndings);
        scheduler.reconcileOnce();
        progress.accept("Publishing the last hour of service and load balancer metrics…");
        MetricsPublisher metrics = new MetricsPublisher(clients, target);
        for (SeededEnvironment env : seeded) {
            metrics.backfill(env.spec().cluster(), env.spec().service(), java.time.Duration.ofHours(1));
        }
        keepRunning(scheduler, metrics, new LogTrickle(clients, target, SandboxEstate::brokenImage), seeded,
                new OneOffTaskPlayer(clients, target, clusters, OneOffTaskPlayer.migrationScript(), taskArn -> taskEndings.exitWith(taskArn, 0)));

        workspace = directory.resolve("capstan.yaml");
        new WorkspaceWriter().write(workspace, "The Capstan sandbox: a local estate on moto_server and an embedded PostgreSQL.",
                seeded.stream().map(e -> environment(e, moto.endpoint(), database)).toList());
        Path compose = writeComposeExample();
        progress.accept("A Docker Compose file to import (Task definitions, Import Docker Compose…): " + compose);
        progress.accept("Sandbox ready: " + workspace);
    }

    /** The compose example, beside the workspace: what a team would import first. */
    private Path writeComposeExample() throws IOException {
        Path folder = Files.createDirectories(directory.resolve("compose"));
        for (String name : List.of("compose.yaml", "web.env")) {
            try (InputStream in = Sandbox.class.getResourceAsStream("compose/" + name)) {
                Files.copy(Objects.requireNonNull(in, name), folder.resolve(name),
                        StandardCopyOption.REPLACE_EXISTING);
            }
        }
        return folder.resolve("compose.yaml");
    }

    /** The compose example the sandbox writes, to import. */
    public Path composeExample() {
        return directory.resolve("compose/compose.yaml");
    }

    private void keepRunning(EcsScheduler scheduler, MetricsPublisher metrics, LogTrickle logs, List<SeededEnvironment> seeded,
                             OneOffTaskPlayer oneOffTasks) {
        ScheduledExecutorService timer = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread thread = new Thread(r, "sandbox-scheduler");
            thread.setDaemon(true);
            return thread;
        });
        timer.scheduleWithFixedDelay(() -> quietly("reconcile ECS services", scheduler::reconcileOnce), 2, 2, TimeUnit.SECONDS);
        timer.scheduleWithFixedDelay(() -> seeded.forEach(e -> quietly("write sandbox log lines", () -> logs.writeOnce(
                e.spec().cluster(), e.spec().service(), e.spec().container(), e.spec().logGroup()))), 1, 2, TimeUnit.SECONDS);
        // ECS and ELB publish a point a minute; a few points a minute here let a restart move the graphs within its first minute.
        timer.scheduleWithFixedDelay(() -> seeded.forEach(e -> quietly("publish sandbox metrics", () -> metrics.publishOnce(
                e.spec().cluster(), e.spec().service()))), 5, 15, TimeUnit.SECONDS);
        // A one-off task (a migration) writes a line a second, then exits: about ten seconds from start to exit code.
        timer.scheduleWithFixedDelay(() -> quietly("play one-off tasks", oneOffTasks::tickOnce), 1, 1, TimeUnit.SECONDS);
        // Stop the timer before anything it calls is closed.
        started.add(0, () -> {
            timer.shutdownNow();
            timer.awaitTermination(5, TimeUnit.SECONDS);
        });
    }

    private static void quietly(String what, Runnable work) {
        try {
            work.run();
        } catch (RuntimeException e) {
            LOG.warn("Sandbox could not {}: {}", what, e.getMessage());
        }
    }

    private static Environment environment(SeededEnvironment e, String endpoint, SandboxDatabase database) {
        EnvironmentSpec s = e.spec();
        return new Environment(s.name(), SandboxEstate.PROFILE, SandboxEstate.REGION, endpoint, s.name().startsWith("production"), false,
                s.cluster(), s.service(), s.container(), new NetworkSettings(e.subnets(), e.securityGroups(), false), s.logGroup(),
                s.autoScalingGroup(), new LoadBalancerSettings(e.listenerArn(), e.blueTargetGroupArn(), e.greenTargetGroupArn()),
                new RegionDataSettings(s.bucket()), new DatabaseSettings(database.jdbcUrl(s.name()), database.user(), null),
                SandboxEstate.LOCK_TABLE, SandboxEstate.HISTORY_TABLE, s.codeDeploy() ? SandboxEstate.CODE_DEPLOY_SETTINGS : s.blueGreen() ? null : SandboxEstate.MIGRATE_BEFORE_TRAFFIC);
    }

    /** Where the sandbox tells the exit codes of the tasks it ends: a console's clients read them through it. */
    public TaskEndings taskEndings() {
        return taskEndings;
    }

    public Path workspace() {
        return workspace;
    }

    public Path awsConfig() {
        return directory.resolve("aws/config");
    }

    public Path awsCredentials() {
        return directory.resolve("aws/credentials");
    }

    @Override
    public void close() {
        for (AutoCloseable resource : started) {
            try {
                resource.close();
            } catch (Exception e) {
                LOG.warn("Sandbox could not stop {}: {}", resource, e.getMessage());
            }
        }
        started.clear();
    }
}
