package dev.capstan.ops;

import dev.capstan.sandbox.HttpInterposer;
import static org.assertj.core.api.Assertions.assertThat;

import dev.capstan.aws.AwsClients;
import dev.capstan.aws.SdkTaskSetGateway;
import dev.capstan.aws.sandbox.EnvironmentSpec;
import dev.capstan.domain.CommandSyntax;
import dev.capstan.domain.CommandWords;
import dev.capstan.domain.Environment;
import dev.capstan.domain.S3ObjectInfo;
import dev.capstan.domain.S3Uri;
import dev.capstan.domain.ServiceTask;
import dev.capstan.domain.TaskSetInfo;
import dev.capstan.ops.runbook.RunbookCatalog;
import dev.capstan.ops.runbook.TickingAttendant;
import dev.capstan.ops.task.TaskRunRequest;
import dev.capstan.sandbox.SandboxDatabase;
import dev.capstan.testworld.FaultPlan;
import dev.capstan.testworld.FaultProxy;
import dev.capstan.testworld.MotoExtension;
import dev.capstan.testworld.MotoWorld;
import dev.capstan.testworld.PostgresExtension;
import dev.capstan.testworld.SchedulerLoop;
import dev.capstan.testworld.TaskHarness;
import dev.capstan.testworld.TestEstate;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import java.util.function.Function;
import java.util.function.Predicate;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import software.amazon.awssdk.core.sync.RequestBody;

/**
 * Every operation, run with faults on the wire between Capstan's clients (built as for AWS: the SDK's three attempts) and
 * moto, by a loopback proxy: transient faults (every 4th distinct request fails once: throttling in the service's own
 * protocol, a 500, a 503, a dropped connection in turn), bursts (every 10th distinct request throttled on every attempt for
 * {@link #BURST}, shorter than the test engine's patience budget), and an outage of the service of the operation's first
 * change, longer than the budget. Under the first two each operation must end exactly as it does without faults; under
 * the outage it must stop, and its resume must end so. What survived is written to target/fault-sweep.md, the README's
 * Reliability table.
 */
@ExtendWith({MotoExtension.class, PostgresExtension.class})
class FaultSweepTest {
    /**
     * How long a burst lasts: by default 1 s, shorter than {@link EngineWorld#PATIENCE}'s budget of 4 s as 8 s
     * bursts are shorter than the product's 2 minutes. {@code -Dsweep.burst=8s -Dsweep.patience=product} runs the sweep with
     * 8 s bursts against the product's own patience; {@code -Dsweep.kinds=BURSTS} runs one kind of fault only.
     */
    static final Duration BURST = Duration.parse("PT" + System.getProperty("sweep.burst", "1s").toUpperCase(java.util.Locale.ROOT));
    private static final Patience PATIENCE = "product".equals(System.getProperty("sweep.patience"))
            ? Patience.standard(java.time.Clock.systemUTC()) : EngineWorld.PATIENCE;
    private static final List<Kind> KINDS = java.util.Arrays.stream(System.getProperty("sweep.kinds", "TRANSIENT,BURSTS,OUTAGE").split(","))
            .map(String::trim).map(Kind::valueOf).toList();
    private static final Map<String, List<String>> SURVIVED = new ConcurrentHashMap<>();

    enum Kind {
        TRANSIENT("transient faults"), BURSTS("bursts"), OUTAGE("outage, then resume");

        final String words;

        Kind(String words) {
            this.words = words;
        }
    }

    @TempDir
    Path dir;
    private MotoWorld moto;
    /** The kind of fault the sweep runs an operation under now. */
    private Kind current;
    /** What the run under way said, step by step. */
    private List<String> said = List.of();
    private SandboxDatabase database;
    private FaultProxy proxy;
    private AwsClients clients;
    private EngineWorld engine;
    /** What the waits of scales, tasks and deploys measure their timeouts by: moved past them when a wait rides out an outage. */
    private final dev.capstan.testworld.ManualClock waitClock = new dev.capstan.testworld.ManualClock(java.time.Instant.now());
    private final List<SchedulerLoop> schedulers = new ArrayList<>();
    private final ScheduledExecutorService harness = Executors.newSingleThreadScheduledExecutor();

    @BeforeEach
    void setUp(MotoWorld moto, SandboxDatabase database) throws Exception {
        this.moto = moto;
        this.database = database;
        proxy = FaultProxy.inFrontOf(moto.endpoint());
        clients = moto.clientsAsForAws();
        engine = new EngineWorld(clients, moto.catalog(), dir.resolve("runs"), "tester@test-host", List::of, java.time.Clock.systemUTC(),
                PATIENCE, waitClock);
    }

    @AfterEach
    void tearDown() throws Exception {
        for (SchedulerLoop scheduler : schedulers) {
            scheduler.close();
        }
        harness.shutdownNow();
        engine.close();
        clients.close();
        proxy.close();
    }

    @AfterAll
    static void writeTheTable() throws Exception {
        StringBuilder table = new StringBuilder("| Operation | " + KINDS.stream().map(k -> k.words)
                .collect(Collectors.joining(" | ")) + " |\n|---|" + "---|".repeat(KINDS.size()) + "\n");
        new TreeMap<>(SURVIVED).forEach((operation, cells) -> table.append("| ").append(operation).append(" | ")
                .append(String.join(" | ", cells)).append(" |\n"));
        Files.createDirectories(Path.of("target"));
        Files.writeString(Path.of("target/fault-sweep.md"), table + "\nBursts of " + BURST.toMillis() + " ms; patience "
                + PATIENCE.first().toMillis() + " ms to " + PATIENCE.most().toMillis() + " ms, a budget of " + PATIENCE.budget().toSeconds() + " s a refusal.\n");
    }

    /** Reached through the proxy: what Capstan sees of the estate. */
    private Environment seeded(EnvironmentSpec spec) throws Exception {
        Environment direct = TestEstate.environment(moto, database, spec);
        schedulers.add(SchedulerLoop.start(moto, direct.cluster()));
        return TestEstate.withEndpoint(direct, proxy.endpoint());
    }

    /**
     * Runs the operation under each kind of fault (planned without faults, as a person plans before they confirm), and checks
     * each run ended as it does without faults. {@code outageFrom} says which request begins the outage.
     */
    private void sweep(String name, Environment env, Function<Kind, Operation> operation, Predicate<HttpInterposer.Request> outageFrom,
                       Consumer<RunRecord> endsAsWithout) throws Exception {
        List<String> cells = new ArrayList<>();
        for (Kind kind : KINDS) {
            current = kind;
            Operation op = operation.apply(kind);
            Plan plan = engine.runner.plan(op);
            long started = System.nanoTime();
            FaultPlan faults = switch (kind) {
                case TRANSIENT -> FaultPlan.transientFaults(4);
                case BURSTS -> FaultPlan.bursts(10, BURST);
                case OUTAGE -> FaultPlan.outageFrom(outageFrom);
            };
            proxy.use(faults);
            List<String> said = new java.util.concurrent.CopyOnWriteArrayList<>();
            this.said = said;
            RunListener listening = new RunListener() {
                @Override
                public void log(PlannedStep step, String line) {
                    said.add(step.id() + ": " + line);
                    if (kind == Kind.OUTAGE && line.contains("; next look in ")) {
                        // A wait rides out the outage until its deadline: let its deadline come.
                        waitClock.advance(Duration.ofMinutes(5));
                        engine.restartClock.advance(Duration.ofMinutes(5));
                    }
                }
            };
            RunHandle handle = engine.runner.start(op, plan, Decision.yes(), listening);
            RunRecord run;
            try {
                run = handle.finished().get(4, TimeUnit.MINUTES);
            } catch (java.util.concurrent.TimeoutException e) {
                throw new AssertionError(name + " under " + kind.words + " did not end (" + faults + "); it said:\n"
                        + String.join("\n", said.subList(Math.max(0, said.size() - 40), said.size())), e);
            }
            proxy.use(FaultPlan.none());
            if (kind == Kind.OUTAGE) {
                assertThat(faults.begun()).as(name + ": the outage began").isTrue();
                assertThat(run.outcome()).as(name + " in an outage longer than the budget: " + run.error()).isEqualTo(RunOutcome.FAILED);
                assertThat(run.error()).as(name + ": the run says it gave up after its budget").containsAnyOf("kept refusing", "could still not look");
                run = engine.runner.resume(run.id(), env, Decision.yes(), RunListener.NONE).finished().get(4, TimeUnit.MINUTES);
            }
            assertThat(run.outcome()).as(name + " under " + kind.words + " (" + faults + "): " + run.error() + "\nIt said:\n"
                    + String.join("\n", said)).isEqualTo(RunOutcome.SUCCEEDED);
            assertThat(faults.total()).as(name + ": faults met under " + kind.words + " (" + faults + ")").isPositive();
            endsAsWithout.accept(run);
            cells.add("✓ faults " + faults.total() + ", requests " + faults.distinct() + ", " + (System.nanoTime() - started) / 1_000_000_000 + " s");
        }
        SURVIVED.put(name, cells);
    }

    /** A change: what the outage begins with (the deploy lock's table is left alone, so that the run fails on its own call). */
    private static boolean change(HttpInterposer.Request request) {
        if (request.service().equals("dynamodb")) {
            return false;
        }
        if (request.service().equals("s3")) {
            return !request.method().equals("GET") && !request.method().equals("HEAD");
        }
        String operation = request.operation();
        return !(operation.startsWith("Describe") || operation.startsWith("List") || operation.startsWith("Get") || operation.startsWith("Filter"));
    }

    private static Predicate<HttpInterposer.Request> firstCallTo(String service) {
        return request -> request.service().equals(service);
    }

    private List<ServiceTask> running(Environment env) {
        return engine.ecs.serviceTaskDetails(engine.targets.of(env), env.cluster(), env.service()).stream().filter(ServiceTask::running).toList();
    }

    @Test
    void scaleAndRestartRideOutFaults() throws Exception {
        Environment env = seeded(TestEstate.spec("sweepscale"));
        Map<Kind, Integer> counts = Map.of(Kind.TRANSIENT, 3, Kind.BURSTS, 2, Kind.OUTAGE, 4);
        sweep("Scale a service", env, kind -> engine.scale.scale(env, counts.get(kind), Duration.ofMinutes(2)), FaultSweepTest::change, run -> {
            int count = counts.get(current);
            assertThat(engine.ecs.service(engine.targets.of(env), env.cluster(), env.service()).desiredCount()).isEqualTo(count);
            assertThat(running(env)).hasSize(count);
        });

        Environment ec2 = seeded(TestEstate.spec("sweeprestart").withLaunchType(EnvironmentSpec.EC2));
        dev.capstan.testworld.Eventually.waitFor(() -> running(ec2).size() == 2);
        Set<String> before = new java.util.HashSet<>();
        sweep("Restart a service (and its auto scaling group)", ec2, kind -> {
            before.clear();
            running(ec2).forEach(t -> before.add(t.arn()));
            return engine.restart.restart(ec2, null, null, Duration.ofMinutes(2), true);
        }, FaultSweepTest::change, run -> {
            assertThat(running(ec2)).hasSize(2).noneMatch(t -> before.contains(t.arn()));
            assertThat(engine.ecs.service(engine.targets.of(ec2), ec2.cluster(), ec2.service()).desiredCount()).isEqualTo(2);
        });
    }

    @Test
    void aOneOffTaskRidesOutFaultsAndStartsOnce() throws Exception {
        Environment env = seeded(TestEstate.spec("sweeptask"));
        TaskHarness.play(moto, env.cluster(), 0, harness);
        String revision = engine.taskDefinitions.revisions(engine.targets.of(env), env.service()).get(0).arn();
        sweep("One-off task (a migration)", env, kind -> engine.tasks.task(env, new TaskRunRequest(env.service(), revision, env.container(),
                        CommandWords.split("npm run migration:run", CommandSyntax.AUTO), Map.of(), env.network().subnets(),
                        env.network().securityGroups(), false, true, Duration.ofMinutes(2))),
                FaultSweepTest::change, run -> {
                    assertThat(run.facts()).containsEntry("exitCode", List.of("0"));
                    assertThat(engine.ecs.tasksStartedBy(engine.targets.of(env), env.cluster(), run.id())).as("one task for the run").hasSize(1);
                });
    }

    @Test
    void regionDataOperationsRideOutFaults() throws Exception {
        Environment env = seeded(TestEstate.spec("sweepdata"));
        String uri = uriOf(env, "OH");

        putObjects(uri, 30);
        putObjects(uriOf(env, "NC"), 30);
        sweep("S3 backup", env, kind -> engine.regionData.backup(env, uri), FaultSweepTest::change, run -> {
            assertThat(etags(run.parameters().get("backup"))).isEqualTo(etags(uri));
            if (current == Kind.OUTAGE) {
                // Every copy refused (a burst may be ridden out by the SDK's own attempts alone): the window must have narrowed.
                assertThat(said).as("S3's refusals narrowed the copier's window").anyMatch(line -> line.contains("copies at a time from now on"));
            }
        });

        Map<Kind, String> next = new ConcurrentHashMap<>();
        sweep("S3 copy-over (after its backup)", env, kind -> {
            next.put(kind, newData(uri, kind));
            String backup = engine.runner.start(engine.regionData.backup(env, uri), plan(engine.regionData.backup(env, uri)), Decision.yes(),
                    RunListener.NONE).finished().join().parameters().get("backup");
            return engine.regionData.copyOver(env, next.get(kind), uri, backup, true);
        }, FaultSweepTest::change, run -> assertThat(etags(uri)).isEqualTo(etags(next.get(current))));

        Map<String, String> restoring = new ConcurrentHashMap<>();
        sweep("S3 restore from a backup", env, kind -> {
            String backup = engine.runner.start(engine.regionData.backup(env, uri), plan(engine.regionData.backup(env, uri)), Decision.yes(),
                    RunListener.NONE).finished().join().parameters().get("backup");
            restoring.put("backup", backup);
            damage(uri, kind);
            return engine.regionData.restore(env, backup, uri, true);
        }, FaultSweepTest::change, run -> assertThat(etags(uri)).isEqualTo(etags(restoring.get("backup"))));

        String nc = uriOf(env, "NC");
        Map<String, String> published = new ConcurrentHashMap<>();
        sweep("Publish region data (backup, copy, version)", env, kind -> {
            published.put("version", versionOf(env, "NC"));
            published.put("from", newData(nc, kind));
            return engine.regionData.publish(env, "NC", published.get("from"), false);
        }, FaultSweepTest::change, run -> {
            assertThat(etags(nc)).containsAllEntriesOf(etags(published.get("from")));
            assertThat(versionOf(env, "NC")).isNotEqualTo(published.get("version"));
        });

        sweep("Region edit (s3_uri)", env, kind -> engine.regionData.setUri(env, "OH", kind == Kind.BURSTS ? uri : nc), firstCallTo("s3"),
                run -> assertThat(uriOf(env, "OH")).isEqualTo(current == Kind.BURSTS ? uri : nc));
    }

    @Test
    void deploysAndRollbacksOfEachKindRideOutFaults() throws Exception {
        Environment rolling = seeded(TestEstate.spec("sweeproll"));
        sweep("Rolling deploy", rolling, kind -> engine.deploys.deploy(rolling, "roll" + kind.ordinal(), Duration.ofMinutes(2)), FaultSweepTest::change,
                run -> assertThat(image(rolling, engine.rolling.rollout(rolling).taskDefinition())).endsWith(":roll" + kindNumber()));
        Map<String, String> servedBefore = new ConcurrentHashMap<>();
        sweep("Rolling rollback", rolling, kind -> {
            servedBefore.put("rolling", engine.rolling.rollout(rolling).taskDefinition());
            return engine.deploys.rollback(rolling, null, Duration.ofMinutes(2));
        }, FaultSweepTest::change, run -> assertThat(engine.rolling.rollout(rolling).taskDefinition()).isNotEqualTo(servedBefore.get("rolling")));

        Environment blueGreen = seeded(TestEstate.spec("sweepbg").withBlueGreen());
        sweep("Blue/green deploy (task sets)", blueGreen, kind -> engine.deploys.deploy(blueGreen, "bg" + kind.ordinal(), Duration.ofMinutes(2)),
                FaultSweepTest::change, run -> assertThat(image(blueGreen, primary(blueGreen).taskDefinition())).endsWith(":bg" + kindNumber()));
        sweep("Blue/green rollback (task sets)", blueGreen, kind -> {
            servedBefore.put("blueGreen", image(blueGreen, primary(blueGreen).taskDefinition()));
            return engine.deploys.rollback(blueGreen, null, Duration.ofMinutes(2));
        }, FaultSweepTest::change, run -> assertThat(image(blueGreen, primary(blueGreen).taskDefinition())).isNotEqualTo(servedBefore.get("blueGreen")));

        Environment direct = TestEstate.codeDeployEnvironment(moto, database, "sweepcd", 0);
        schedulers.add(SchedulerLoop.start(moto, direct.cluster()));
        Environment codeDeploy = TestEstate.withEndpoint(direct, proxy.endpoint());
        sweep("CodeDeploy deploy", codeDeploy, kind -> engine.deploys.deploy(codeDeploy, "cd" + kind.ordinal(), Duration.ofMinutes(2)),
                FaultSweepTest::change, run -> assertThat(image(codeDeploy, primary(codeDeploy).taskDefinition())).endsWith(":cd" + kindNumber()));
        sweep("CodeDeploy rollback", codeDeploy, kind -> {
            servedBefore.put("codeDeploy", image(codeDeploy, primary(codeDeploy).taskDefinition()));
            return engine.deploys.rollback(codeDeploy, null, Duration.ofMinutes(2));
        }, FaultSweepTest::change, run -> assertThat(image(codeDeploy, primary(codeDeploy).taskDefinition())).isNotEqualTo(servedBefore.get("codeDeploy")));

        // ECS's own blue/green strategy (no bake time), recorded by the project's moto launcher as ECS records service deployments.
        Environment ecsBlueGreen = seeded(TestEstate.spec("sweepecsbg"));
        moto.clients().ecs(moto.target()).updateService(r -> r.cluster(ecsBlueGreen.cluster()).service(ecsBlueGreen.service())
                .deploymentConfiguration(c -> c.strategy(software.amazon.awssdk.services.ecs.model.DeploymentStrategy.BLUE_GREEN).bakeTimeInMinutes(0)));
        sweep("ECS blue/green deploy", ecsBlueGreen, kind -> engine.deploys.deploy(ecsBlueGreen, "ecsbg" + kind.ordinal(), Duration.ofMinutes(2)),
                FaultSweepTest::change, run -> assertThat(image(ecsBlueGreen, engine.rolling.rollout(ecsBlueGreen).taskDefinition()))
                        .endsWith(":ecsbg" + kindNumber()));
    }

    /** The number of the kind of fault the sweep runs under now: its deploys' images are tagged with it, as in "roll1". */
    private int kindNumber() {
        return current.ordinal();
    }

    @Test
    void aRunbookRidesOutFaults() throws Exception {
        Environment env = seeded(TestEstate.spec("sweepbook"));
        engine.attendants.attend(new TickingAttendant());
        String yaml = """
                name: sweep-release
                title: Release under faults
                parameters:
                  - name: count
                    default: "3"
                steps:
                  - id: announce
                    manual: Tell the team ${env} is being scaled to ${count}.
                  - id: scale
                    title: Scale to ${count}
                    operation: service.scale
                    with: {count: "${count}", timeout: 2m}
                  - id: running
                    title: All tasks run
                    check: tasks-running
                """;
        RunbookCatalog.Entry entry = new RunbookCatalog.Entry(engine.runbooks.services().loader().parse(Path.of("sweep.yaml"), yaml, "test"), yaml);
        Map<Kind, String> counts = Map.of(Kind.TRANSIENT, "3", Kind.BURSTS, "2", Kind.OUTAGE, "4");
        sweep("Runbook (manual ticks, a scale, a check)", env, kind -> engine.runbooks.run(entry, env, Map.of("count", counts.get(kind))),
                FaultSweepTest::change, run -> assertThat(running(env)).hasSize(Integer.parseInt(counts.get(current))));
    }

    private Plan plan(Operation operation) {
        try {
            return engine.runner.plan(operation);
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    private String image(Environment env, String taskDefinition) {
        return engine.taskDefinitions.revision(engine.targets.of(env), taskDefinition).containers().get(0).image();
    }

    private TaskSetInfo primary(Environment env) {
        return new SdkTaskSetGateway(moto.clients()).taskSets(moto.target(), env.cluster(), env.service()).stream().filter(TaskSetInfo::primary)
                .findFirst().orElseThrow();
    }

    private String uriOf(Environment env, String region) {
        return engine.regionData.overview(env).stream().filter(o -> o.row().region().equals(region)).findFirst().orElseThrow().row().s3Uri();
    }

    private String versionOf(Environment env, String region) {
        return engine.regionData.overview(env).stream().filter(o -> o.row().region().equals(region)).findFirst().orElseThrow().row().version();
    }

    /** Each object's key under the location, with its ETag: what "the same data" means here. */
    private Map<String, String> etags(String uri) {
        return new TreeMap<>(engine.s3.list(moto.target(), S3Uri.parse(uri)).objects().stream()
                .collect(Collectors.toMap(S3ObjectInfo::key, S3ObjectInfo::etag)));
    }

    /** More files under the location, written straight to moto: enough requests for every kind of fault to meet a publish. */
    private void putObjects(String uri, int count) {
        S3Uri at = S3Uri.parse(uri);
        var s3 = moto.clients().s3(moto.target());
        for (int i = 0; i < count; i++) {
            String key = "tiles/" + i + ".json";
            s3.putObject(r -> r.bucket(at.bucket()).key(at.key(key)), RequestBody.fromString("{\"tile\":" + key.length() + "}"));
        }
    }

    /** Twenty of the location's objects overwritten, straight in moto: what a restore puts right. */
    private void damage(String uri, Kind kind) {
        S3Uri at = S3Uri.parse(uri);
        var s3 = moto.clients().s3(moto.target());
        engine.s3.list(moto.target(), at).objects().stream().limit(20).forEach(object ->
                s3.putObject(r -> r.bucket(at.bucket()).key(at.key(object.key())), RequestBody.fromString("{\"damaged\":\"" + kind + "\"}")));
    }

    /** New data for a region beside its current data (written straight to moto): one object changed per kind, one added. */
    private String newData(String current, Kind kind) {
        String next = S3Uri.parse(current).withSuffix("-next" + kind.ordinal()).toString();
        S3Uri from = S3Uri.parse(current);
        S3Uri to = S3Uri.parse(next);
        var s3 = moto.clients().s3(moto.target());
        List<S3ObjectInfo> objects = engine.s3.list(moto.target(), from).objects();
        for (int i = 0; i < objects.size(); i++) {
            String key = objects.get(i).key();
            String body = i == 0 ? "{\"changed\":\"" + kind + "\"}" : s3.getObjectAsBytes(r -> r.bucket(from.bucket()).key(from.key(key))).asUtf8String();
            s3.putObject(r -> r.bucket(to.bucket()).key(to.key(key)), RequestBody.fromString(body));
        }
        s3.putObject(r -> r.bucket(to.bucket()).key(to.key("extra/" + kind + ".json")), RequestBody.fromString("{}"));
        return next;
    }
}
