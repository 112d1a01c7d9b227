package dev.capstan.ops.rolling;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.capstan.aws.sandbox.EnvironmentSpec;
import dev.capstan.domain.DeploySettings;
import dev.capstan.domain.Environment;
import dev.capstan.domain.ServiceTask;
import dev.capstan.ops.Decision;
import dev.capstan.ops.EngineWorld;
import dev.capstan.ops.Operation;
import dev.capstan.ops.PlannedStep;
import dev.capstan.ops.RunHandle;
import dev.capstan.ops.RunListener;
import dev.capstan.ops.RunOutcome;
import dev.capstan.ops.RunRecord;
import dev.capstan.ops.StepRecord;
import dev.capstan.sandbox.SandboxDatabase;
import dev.capstan.testworld.MotoExtension;
import dev.capstan.testworld.MotoWorld;
import dev.capstan.testworld.PostgresExtension;
import dev.capstan.testworld.SchedulerLoop;
import dev.capstan.testworld.TaskHarness;
import dev.capstan.testworld.TestEstate;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

/**
 * Rolling deploys and rollbacks against moto, with the sandbox's scheduler playing ECS's rollout: minimum healthy and maximum
 * percent, broken images that exit 1, and the circuit breaker that sends the service back.
 */
@ExtendWith({MotoExtension.class, PostgresExtension.class})
class RollingDeployTest {
    /** The images this test world treats as broken builds: their tasks exit 1 a round after they start. */
    private static final String BROKEN = "-broken";
    @TempDir
    Path dir;
    private EngineWorld engine;
    private SchedulerLoop scheduler;
    private final AtomicInteger fewestRunning = new AtomicInteger(Integer.MAX_VALUE);

    @BeforeEach
    void setUp(MotoWorld moto) {
        engine = new EngineWorld(moto, dir.resolve("runs"));
    }

    @AfterEach
    void tearDown() throws Exception {
        if (scheduler != null) {
            scheduler.close();
        }
        engine.close();
    }

    private Environment rolling(MotoWorld moto, SandboxDatabase database, EnvironmentSpec spec) throws Exception {
        Environment env = TestEstate.environment(moto, database, spec);
        scheduler = SchedulerLoop.start(moto, env.cluster(), image -> image.contains(BROKEN), () -> fewestRunning.accumulateAndGet(
                (int) engine.ecs.serviceTaskDetails(engine.targets.of(env), env.cluster(), env.service()).stream().filter(ServiceTask::running).count(),
                Math::min));
        return env;
    }

    private RunRecord run(Operation operation) throws Exception {
        return engine.runner.start(operation, engine.runner.plan(operation), Decision.yes(), RunListener.NONE).finished().get(2, TimeUnit.MINUTES);
    }

    private String serving(Environment env) {
        return engine.rolling.rollout(env).taskDefinition();
    }

    private static String summary(RunRecord run, String step) {
        return run.steps().stream().filter(s -> s.planned().id().equals(step)).findFirst().map(StepRecord::summary).orElseThrow();
    }

    /** The targets of the tasks running now stay healthy; every new one fails its checks until the test clears them. */
    private void holdNewTargetsUnhealthy(MotoWorld moto, Environment env) {
        java.util.Set<String> serving = new java.util.HashSet<>();
        engine.ecs.serviceTaskDetails(engine.targets.of(env), env.cluster(), env.service()).forEach(t -> serving.addAll(t.addresses()));
        moto.targetHealth().failChecksOf(id -> !serving.contains(id));
    }

    /** Starts the deploy and cancels it once it watches its rollout, as Stop and roll back does; returns the ended run. */
    private RunRecord stoppedWhileWatching(RollingDeploy deploy) throws Exception {
        CountDownLatch watching = new CountDownLatch(1);
        RunHandle handle = engine.runner.start(deploy, engine.runner.plan(deploy), Decision.yes(), new RunListener() {
            @Override
            public void stepStarted(PlannedStep step) {
                if (step.id().equals("watch-rollout")) {
                    watching.countDown();
                }
            }
        });
        assertThat(watching.await(1, TimeUnit.MINUTES)).isTrue();
        handle.cancel("stopped to roll back");
        return handle.finished().get(1, TimeUnit.MINUTES);
    }

    @Test
    void aRollingDeployReplacesEveryTaskAndNeverDropsBelowTheMinimumHealthy(MotoWorld moto, SandboxDatabase database) throws Exception {
        Environment env = rolling(moto, database, TestEstate.spec("roller"));
        String before = serving(env);

        RunRecord done = run(engine.deploys.deploy(env, "c0ffee1", Duration.ofMinutes(1)));

        assertThat(done.outcome()).as(done.error()).isEqualTo(RunOutcome.SUCCEEDED);
        assertThat(done.operationType()).isEqualTo(RollingDeploy.TYPE);
        String after = serving(env);
        assertThat(after).isNotEqualTo(before).isEqualTo(done.facts().get("newTaskDefinition").get(0));
        assertThat(engine.taskDefinitions.revision(engine.targets.of(env), after).containers().get(0).image()).endsWith("/roller-web:c0ffee1");
        assertThat(engine.ecs.serviceTaskDetails(engine.targets.of(env), env.cluster(), env.service()).stream().filter(ServiceTask::running))
                .hasSize(2).allMatch(t -> after.equals(t.taskDefinition()));
        assertThat(summary(done, "watch-rollout")).startsWith("Every task runs roller-web:").contains("2 of 2 new tasks RUNNING, 2 healthy");
        assertThat(fewestRunning.get()).as("running tasks at the end of any scheduler round").isGreaterThanOrEqualTo(2);
        assertThat(engine.rolling.history().deploys(env.name())).singleElement().satisfies(d -> {
            assertThat(d.who()).isEqualTo("tester@test-host");
            assertThat(d.revision()).isEqualTo(after);
            assertThat(d.before()).isEqualTo(before);
        });
    }

    @Test
    void aBrokenImageIsRolledBackByTheBreakerAndTheDeployFailsWithTheReasonAndExitCode(MotoWorld moto, SandboxDatabase database) throws Exception {
        Environment env = rolling(moto, database, TestEstate.spec("breaker"));
        String before = serving(env);

        RunRecord failed = run(engine.deploys.deploy(env, "b4d" + BROKEN, Duration.ofMinutes(2)));

        assertThat(failed.outcome()).isEqualTo(RunOutcome.FAILED);
        assertThat(failed.error()).startsWith("ECS rolled the deploy back to breaker-web:")
                .containsPattern("after [34] tasks of breaker-web:\\d+ failed to start").contains("failed to start: Essential container in task exited; container web exited 1")
                .contains("last lines: > node dist/main.js / Error: Cannot find module");
        assertThat(serving(env)).isEqualTo(before);
    }

    @Test
    void noRoomForTheNewTasksIsReportedAsSuch(MotoWorld moto, SandboxDatabase database) throws Exception {
        // Two instances, one task each (the container maps host port 3000), and the service must keep both: nowhere to start a third.
        Environment env = rolling(moto, database, TestEstate.spec("cramped").withLaunchType(EnvironmentSpec.EC2));
        RollingDeploy deploy = engine.rolling.deploy(env, "d1e2f3a", Duration.ofMinutes(2));
        assertThat(deploy.warnings()).anyMatch(w -> w.contains("instances are full") && w.contains("raise auto scaling group cramped-asg"));

        RunRecord failed = run(deploy);

        assertThat(failed.outcome()).isEqualTo(RunOutcome.FAILED);
        assertThat(failed.error()).startsWith("No room for the new tasks of cramped-web:")
                .contains("2 instances hold 1 task each").contains("keep 100% of 2 running").contains("Raise auto scaling group cramped-asg");
    }

    @Test
    void raisingTheGroupFirstMakesRoomWhereThereWasNone(MotoWorld moto, SandboxDatabase database) throws Exception {
        Environment env = rolling(moto, database, TestEstate.spec("roomy").withLaunchType(EnvironmentSpec.EC2));
        RollingDeploy deploy = engine.rolling.deploy(env, "r00my", Duration.ofMinutes(2), true);
        assertThat(deploy.warnings()).noneMatch(w -> w.contains("instances are full"));
        assertThat(engine.runner.plan(deploy).steps()).extracting(PlannedStep::id).contains("raise-group");

        RunRecord done = run(deploy);

        assertThat(done.outcome()).as(done.error()).isEqualTo(RunOutcome.SUCCEEDED);
        assertThat(summary(done, "raise-group")).isEqualTo("roomy-asg now wants 4 instances (was 2); ECS places the new tasks as they join");
        assertThat(engine.ecs.serviceTaskDetails(engine.targets.of(env), env.cluster(), env.service()).stream().filter(ServiceTask::running))
                .hasSize(2).allMatch(t -> serving(env).equals(t.taskDefinition()));
        assertThatThrownBy(() -> engine.rolling.deploy(TestEstate.environment(moto, database, TestEstate.spec("nogroup")), "x1", Duration.ofMinutes(1),
                true)).isInstanceOf(IllegalArgumentException.class).hasMessageContaining("runs on FARGATE").hasMessageContaining("no group to raise");
    }

    @Test
    void aTimeoutNamesWhatIsPending(MotoWorld moto, SandboxDatabase database) throws Exception {
        Environment env = rolling(moto, database, TestEstate.spec("slowpoke"));
        holdNewTargetsUnhealthy(moto, env);
        RollingDeploy deploy = engine.rolling.deploy(env, "5l0w000", Duration.ofMinutes(5));
        CountDownLatch watching = new CountDownLatch(1);
        RunHandle handle = engine.runner.start(deploy, engine.runner.plan(deploy), Decision.yes(), new RunListener() {
            @Override
            public void log(PlannedStep step, String line) {
                if (step.id().equals("watch-rollout") && line.contains("unhealthy")) {
                    watching.countDown();
                }
            }
        });
        assertThat(watching.await(1, TimeUnit.MINUTES)).isTrue();
        engine.restartClock.advance(Duration.ofMinutes(6));

        RunRecord failed = handle.finished().get(1, TimeUnit.MINUTES);

        assertThat(failed.outcome()).isEqualTo(RunOutcome.FAILED);
        assertThat(failed.error()).startsWith("After 5 min").contains("the rollout of slowpoke-web:").contains("pending: ")
                .contains("unhealthy").contains("ECS goes on with it: resume to watch again, or roll back.");
    }

    @Test
    void aRollbackGoesToTheNewestGoodRevisionThatIsNotServingNeverToTheFailedOne(MotoWorld moto, SandboxDatabase database) throws Exception {
        Environment env = rolling(moto, database, TestEstate.spec("lkg"));
        String original = serving(env);
        RunRecord good = run(engine.rolling.deploy(env, "v13", Duration.ofMinutes(1)));
        assertThat(good.outcome()).as(good.error()).isEqualTo(RunOutcome.SUCCEEDED);
        String v13 = serving(env);
        RunRecord bad = run(engine.rolling.deploy(env, "v14" + BROKEN, Duration.ofMinutes(2)));
        assertThat(bad.outcome()).isEqualTo(RunOutcome.FAILED);
        assertThat(serving(env)).isEqualTo(v13);

        RollingDeploy rollback = engine.rolling.rollback(env, null, Duration.ofMinutes(1));

        assertThat(rollback.request().revision()).isEqualTo(original);
        List<PlannedStep> plan = engine.runner.plan(rollback).steps();
        assertThat(plan.get(0).sentence()).startsWith("What goes back: lkg-web:").contains("\nweb image: lkg-web:v13 → lkg-web:");
        assertThat(plan.get(0).details()).anySatisfy(line -> assertThat(line).startsWith("web image: ").contains(":v13 → "));
        RunRecord back = run(rollback);
        assertThat(back.outcome()).as(back.error()).isEqualTo(RunOutcome.SUCCEEDED);
        assertThat(serving(env)).isEqualTo(original);
        // The original revision's tasks the first deploy replaced are not this rollout's failures (moto gives tasks no creation time).
        assertThat(summary(back, "watch-rollout")).doesNotContain("stopped");
        // The next rollback from here goes to v13, the newest good revision that is not serving.
        assertThat(engine.rolling.rollback(env, null, Duration.ofMinutes(1)).request().revision()).isEqualTo(v13);
    }

    @Test
    void stopAndRollBackMidDeployGoesBackToTheRevisionTheDeployStartedFrom(MotoWorld moto, SandboxDatabase database) throws Exception {
        Environment env = rolling(moto, database, TestEstate.spec("stopper"));
        String before = serving(env);
        holdNewTargetsUnhealthy(moto, env);
        RollingDeploy deploy = engine.rolling.deploy(env, "st0pme", Duration.ofMinutes(5));
        RunRecord stopped = stoppedWhileWatching(deploy);
        moto.targetHealth().clear();

        RollingDeploy rollback = engine.rolling.stopAndRollBack(env, dev.capstan.ops.RunSummary.of(stopped), Duration.ofMinutes(1));
        assertThat(rollback.request().revision()).isEqualTo(before);
        RunRecord back = run(rollback);

        assertThat(back.outcome()).as(back.error()).isEqualTo(RunOutcome.SUCCEEDED);
        assertThat(summary(back, "stop-deployment")).contains("UpdateService instead");
        assertThat(serving(env)).isEqualTo(before);
        assertThat(engine.ecs.serviceTaskDetails(engine.targets.of(env), env.cluster(), env.service()).stream().filter(ServiceTask::running))
                .hasSize(2).allMatch(t -> before.equals(t.taskDefinition()));
    }

    @Test
    void whereEcsKeepsServiceDeploymentsItsWordMustAgreeBeforeTheDeploySucceeds(MotoWorld moto, SandboxDatabase database) throws Exception {
        Environment env = rolling(moto, database, TestEstate.spec("baking"));
        moto.serviceDeployments().report("IN_PROGRESS");
        RollingDeploy deploy = engine.rolling.deploy(env, "b4k3d", Duration.ofMinutes(5));
        CountDownLatch baking = new CountDownLatch(1);
        RunHandle handle = engine.runner.start(deploy, engine.runner.plan(deploy), Decision.yes(), new RunListener() {
            @Override
            public void log(PlannedStep step, String line) {
                if (line.equals("waiting: ECS's service deployment is IN_PROGRESS")) {
                    baking.countDown();
                }
            }
        });
        assertThat(baking.await(1, TimeUnit.MINUTES)).as("the tasks are done but ECS is not").isTrue();
        moto.serviceDeployments().report("SUCCESSFUL");

        RunRecord done = handle.finished().get(1, TimeUnit.MINUTES);

        assertThat(done.outcome()).as(done.error()).isEqualTo(RunOutcome.SUCCEEDED);
    }

    @Test
    void aDeploymentEcsReportsRolledBackFailsTheDeploy(MotoWorld moto, SandboxDatabase database) throws Exception {
        Environment env = rolling(moto, database, TestEstate.spec("ecsback"));
        moto.serviceDeployments().report("ROLLBACK_SUCCESSFUL");

        RunRecord failed = run(engine.rolling.deploy(env, "r0llb4ck", Duration.ofMinutes(1)));

        assertThat(failed.outcome()).isEqualTo(RunOutcome.FAILED);
        assertThat(failed.error()).startsWith("ECS reports the deployment of ecsback-web:").contains("ROLLBACK_SUCCESSFUL");
    }

    @Test
    void stopAndRollBackAsksEcsToStopWhereEcsOffersIt(MotoWorld moto, SandboxDatabase database) throws Exception {
        Environment env = rolling(moto, database, TestEstate.spec("ecsstop"));
        String before = serving(env);
        holdNewTargetsUnhealthy(moto, env);
        moto.serviceDeployments().report("IN_PROGRESS");
        RollingDeploy deploy = engine.rolling.deploy(env, "st0p3cs", Duration.ofMinutes(5));
        RunRecord stopped = stoppedWhileWatching(deploy);
        moto.targetHealth().clear();
        // What ECS does on StopServiceDeployment with ROLLBACK: the service goes back, and the rollback is reported.
        moto.serviceDeployments().onStop(() -> {
            moto.clients().ecs(moto.target()).updateService(r -> r.cluster(env.cluster()).service(env.service()).taskDefinition(before));
            moto.serviceDeployments().report("ROLLBACK_SUCCESSFUL");
        });

        RunRecord back = run(engine.rolling.stopAndRollBack(env, dev.capstan.ops.RunSummary.of(stopped), Duration.ofMinutes(1)));

        assertThat(back.outcome()).as(back.error()).isEqualTo(RunOutcome.SUCCEEDED);
        assertThat(summary(back, "stop-deployment")).isEqualTo("ECS stopped the deployment in progress and rolls it back "
                + "(StopServiceDeployment with ROLLBACK)");
        assertThat(summary(back, "update-service")).startsWith("ECS rolls back to ecsstop-web:").endsWith("itself; nothing to update");
        assertThat(serving(env)).isEqualTo(before);
    }

    @Test
    void aMigrationThatExitsNonZeroStopsTheDeployBeforeTheServiceChanges(MotoWorld moto, SandboxDatabase database) throws Exception {
        Environment env = TestEstate.withDeploy(rolling(moto, database, TestEstate.spec("migrator")),
                new DeploySettings(null, List.of(), List.of(), new DeploySettings.Migration("run,migration:run", null)));
        String before = serving(env);
        ScheduledExecutorService player = Executors.newSingleThreadScheduledExecutor();
        try {
            TaskHarness.play(moto, env.cluster(), 3, player);
            RunRecord failed = run(engine.rolling.deploy(env, "m1gr4te", Duration.ofMinutes(1)));

            assertThat(failed.outcome()).isEqualTo(RunOutcome.FAILED);
            assertThat(failed.steps().stream().filter(s -> s.planned().id().equals("migrate")).findFirst().orElseThrow().error())
                    .contains("exit").contains("3").contains("Migration AddIndex42 has been executed successfully.");
            assertThat(failed.steps().stream().filter(s -> s.planned().id().equals("update-service")).findFirst().orElseThrow().state())
                    .isEqualTo(StepRecord.State.PENDING);
            assertThat(serving(env)).isEqualTo(before);
        } finally {
            player.shutdownNow();
            player.awaitTermination(5, TimeUnit.SECONDS);
        }
    }

    @Test
    void thePromotionGateCountsADeployOfAnyKind(MotoWorld moto, SandboxDatabase database) throws Exception {
        Environment staging = rolling(moto, database, TestEstate.spec("promostage"));
        Environment production = TestEstate.withDeploy(TestEstate.environment(moto, database, TestEstate.spec("promoprod").withBlueGreen()),
                new DeploySettings(staging.name(), List.of(), List.of()));
        RunRecord staged = run(engine.deploys.deploy(staging, "pr0m0te", Duration.ofMinutes(1)));
        assertThat(staged.outcome()).as(staged.error()).isEqualTo(RunOutcome.SUCCEEDED);
        String image = staged.parameters().get("image");

        assertThat(engine.deploys.deploy(production, image, Duration.ofMinutes(1)).type()).isEqualTo("bluegreen.deploy");
        assertThatThrownBy(() -> engine.deploys.deploy(production, "n0tstaged", Duration.ofMinutes(1)))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("has not been deployed to promostage yet")
                .hasMessageContaining("promostage-web:pr0m0te by tester@test-host");
    }

    @Test
    void aServiceDeployedByCodeDeployIsNotRolledAndWithoutItsGroupIsRefusedPlainly(MotoWorld moto, SandboxDatabase database) throws Exception {
        Environment env = rolling(moto, database, TestEstate.spec("codedeployed"));
        moto.clients().ecs(moto.target()).createService(r -> r.cluster(env.cluster()).serviceName("cd-web").desiredCount(0)
                .deploymentController(d -> d.type("CODE_DEPLOY")));

        assertThatThrownBy(() -> engine.rolling.deploy(env.withService("cd-web"), "abc", Duration.ofMinutes(1)))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("is deployed by the CODE_DEPLOY controller; a rolling deploy needs the ECS controller");
        assertThatThrownBy(() -> engine.deploys.deploy(env.withService("cd-web"), "abc", Duration.ofMinutes(1)))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("No CodeDeploy deployment group deploys cd-web in codedeployed-cluster")
                .hasMessageContaining("name it in the workspace under deploy.codeDeploy");
    }
}
