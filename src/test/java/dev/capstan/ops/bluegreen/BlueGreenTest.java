package dev.capstan.ops.bluegreen;

import static dev.capstan.testworld.Runs.records;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.capstan.domain.DeploySettings;
import dev.capstan.domain.Environment;
import dev.capstan.domain.ServiceTask;
import dev.capstan.ops.Decision;
import dev.capstan.ops.EngineWorld;
import dev.capstan.ops.Operation;
import dev.capstan.ops.RunHandle;
import dev.capstan.ops.RunListener;
import dev.capstan.ops.RunOutcome;
import dev.capstan.ops.RunRecord;
import dev.capstan.ops.StepRecord;
import dev.capstan.sandbox.SandboxDatabase;
import dev.capstan.testworld.Eventually;
import dev.capstan.testworld.MotoExtension;
import dev.capstan.testworld.MotoWorld;
import dev.capstan.testworld.PostgresExtension;
import dev.capstan.testworld.SchedulerLoop;
import dev.capstan.testworld.TestEstate;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

/** The task-set blue/green deploy and rollback against moto, with the scheduler running task sets' tasks behind their target groups. */
@ExtendWith({MotoExtension.class, PostgresExtension.class})
class BlueGreenTest {
    @TempDir
    Path dir;
    private EngineWorld engine;
    private SchedulerLoop scheduler;

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

    private Environment blueGreen(MotoWorld moto, SandboxDatabase database, String name) throws Exception {
        Environment env = TestEstate.environment(moto, database, TestEstate.spec(name).withBlueGreen());
        if (scheduler == null) {
            scheduler = SchedulerLoop.start(moto, env.cluster());
        }
        return env;
    }

    private RunRecord run(Operation operation) throws Exception {
        return engine.runner.start(operation, engine.runner.plan(operation), Decision.yes(), RunListener.NONE).finished().get(2, TimeUnit.MINUTES);
    }

    private RunRecord deploy(Environment env, String tag) throws Exception {
        return run(engine.blueGreen.deploy(env, tag, Duration.ofSeconds(30)));
    }

    static List<String> log(RunRecord run, String step) {
        return run.steps().stream().filter(s -> s.planned().id().equals(step)).findFirst().map(StepRecord::log).orElseThrow();
    }

    @Test
    void aDeployMovesTheTrafficAndKeepsTheOldSetRunningForARollback(MotoWorld moto, SandboxDatabase database) throws Exception {
        Environment env = blueGreen(moto, database, "deployer");
        BlueGreenPicture before = engine.blueGreen.picture(env);
        assertThat(before.active()).isEqualTo(Colour.BLUE);
        String original = before.primary().orElseThrow().arn();

        RunRecord done = deploy(env, "b1c2d3e");

        assertThat(done.outcome()).as(done.error()).isEqualTo(RunOutcome.SUCCEEDED);
        BlueGreenPicture after = engine.blueGreen.picture(env);
        assertThat(after.active()).isEqualTo(Colour.GREEN);
        assertThat(after.green().rule().priority()).isLessThan(after.blue().rule().priority());
        assertThat(after.primary().orElseThrow().arn()).isEqualTo(done.facts().get("newTaskSet").get(0)).isNotEqualTo(original);
        assertThat(after.green().image()).endsWith("/deployer-web:b1c2d3e");
        assertThat(after.blue().taskSet().orElseThrow().arn()).isEqualTo(original);
        assertThat(after.blue().taskSet().orElseThrow().status()).isEqualTo("ACTIVE");
        Eventually.waitFor(() -> engine.blueGreen.picture(env).blue().serving());
        assertThat(log(done, "swap-priorities")).singleElement().asString()
                .startsWith("ELB refused the swap in one call").contains("swapped in three moves through free priority 21");
        assertThat(engine.blueGreen.history().of(env.name(), after.primary().get().arn())).get()
                .extracting(DeployHistory.Deployed::who).isEqualTo("tester@test-host");
    }

    @Test
    void aWholeRevisionIsDeployedAsItIs(MotoWorld moto, SandboxDatabase database) throws Exception {
        Environment env = blueGreen(moto, database, "revision");
        int before = engine.taskDefinitions.revisions(engine.targets.of(env), env.service()).size();

        RunRecord done = deploy(env, "revision-web:1");

        assertThat(done.outcome()).as(done.error()).isEqualTo(RunOutcome.SUCCEEDED);
        assertThat(engine.taskDefinitions.revisions(engine.targets.of(env), env.service())).hasSize(before);
        assertThat(engine.blueGreen.picture(env).primary().orElseThrow().taskDefinition()).endsWith("task-definition/revision-web:1");
        assertThat(done.steps().stream().filter(s -> s.planned().id().equals("register-revision")).findFirst().orElseThrow().summary())
                .isEqualTo("Deploys revision-web:1 as it is");
    }

    @Test
    void aDeployWhoseTasksDieFailsWithTheReasonAndTheTrafficStaysWhereItWas(MotoWorld moto, SandboxDatabase database) throws Exception {
        Environment env = blueGreen(moto, database, "dying");
        String original = engine.blueGreen.picture(env).primary().orElseThrow().arn();
        // The new tasks never pass their health checks, so the wait is still going when one of them dies.
        java.util.Set<String> serving = new java.util.HashSet<>();
        engine.ecs.serviceTaskDetails(engine.targets.of(env), env.cluster(), env.service()).forEach(t -> serving.addAll(t.addresses()));
        moto.targetHealth().failChecksOf(id -> !serving.contains(id));
        BlueGreenDeploy deploy = engine.blueGreen.deploy(env, "broken1", Duration.ofSeconds(30));
        RunHandle handle = engine.runner.start(deploy, engine.runner.plan(deploy), Decision.yes(), RunListener.NONE);
        Eventually.waitFor(() -> !newTasks(env, handle.runId()).isEmpty());
        ServiceTask victim = newTasks(env, handle.runId()).get(0);
        moto.taskEndings().exitWith(victim.arn(), 1);
        moto.clients().ecs(moto.target()).stopTask(r -> r.cluster(env.cluster()).task(victim.arn()).reason("Essential container in task exited"));

        RunRecord failed = handle.finished().get(2, TimeUnit.MINUTES);

        assertThat(failed.outcome()).isEqualTo(RunOutcome.FAILED);
        assertThat(failed.error()).contains("of the new set stopped: Essential container in task exited; container web exited 1")
                .contains("The traffic has not moved");
        BlueGreenPicture now = engine.blueGreen.picture(env);
        assertThat(now.active()).isEqualTo(Colour.BLUE);
        assertThat(now.primary().orElseThrow().arn()).isEqualTo(original);

        // Start over, with another image: the failed deploy's set goes, the new one serves.
        moto.targetHealth().clear();
        engine.runner.abandon(failed.id(), env, "starting over with a fixed image");
        RunRecord fixed = deploy(env, "fixed22");
        assertThat(fixed.outcome()).as(fixed.error()).isEqualTo(RunOutcome.SUCCEEDED);
        assertThat(log(fixed, "remove-stale-task-sets")).singleElement().asString().startsWith("deleted task set ecs-svc/");
        BlueGreenPicture last = engine.blueGreen.picture(env);
        assertThat(last.taskSets()).hasSize(2);
        assertThat(last.activeSide().image()).endsWith(":fixed22");
    }

    private List<ServiceTask> newTasks(Environment env, String runId) {
        return engine.blueGreen.picture(env).taskSets().stream().filter(s -> runId.equals(s.externalId())).findFirst()
                .map(set -> engine.ecs.serviceTaskDetails(engine.targets.of(env), env.cluster(), env.service()).stream()
                        .filter(t -> set.id().equals(t.startedBy()) && t.running()).toList())
                .orElse(List.of());
    }

    @Test
    void aRollbackRestoresTheOldColourAndItsSetAsPrimaryAndOffersARedeployWhenItCannot(MotoWorld moto, SandboxDatabase database) throws Exception {
        Environment env = blueGreen(moto, database, "rollback");
        String original = engine.blueGreen.picture(env).primary().orElseThrow().arn();
        assertThat(deploy(env, "first11").outcome()).isEqualTo(RunOutcome.SUCCEEDED);
        Eventually.waitFor(() -> engine.blueGreen.picture(env).idleSide().serving());

        RunRecord back = run(engine.blueGreen.rollback(env));

        assertThat(back.outcome()).as(back.error()).isEqualTo(RunOutcome.SUCCEEDED);
        BlueGreenPicture now = engine.blueGreen.picture(env);
        assertThat(now.active()).isEqualTo(Colour.BLUE);
        assertThat(now.primary().orElseThrow().arn()).isEqualTo(original);

        // Two deploys later the set of the first is gone: no rollback, a re-deploy of the last good image is offered.
        assertThat(deploy(env, "second2").outcome()).isEqualTo(RunOutcome.SUCCEEDED);
        String secondSet = engine.blueGreen.picture(env).primary().orElseThrow().arn();
        String idle = engine.blueGreen.picture(env).idleSide().taskSet().orElseThrow().arn();
        moto.clients().ecs(moto.target()).deleteTaskSet(r -> r.cluster(env.cluster()).service(env.service()).taskSet(idle));
        RunRecord refused = run(engine.blueGreen.rollback(env));
        assertThat(refused.outcome()).isEqualTo(RunOutcome.FAILED);
        assertThat(refused.error()).startsWith("Cannot roll back rollback: no task set is behind ")
                .contains("Re-deploy the last successful image instead: ").contains(":first11 (deployed by tester@test-host");
        assertThat(engine.blueGreen.picture(env).primary().orElseThrow().arn()).isEqualTo(secondSet);
    }

    @Test
    void theGateRefusesAnImageNotYetDeployedToTheEnvironmentBefore(MotoWorld moto, SandboxDatabase database) throws Exception {
        Environment staging = blueGreen(moto, database, "gatestage");
        Environment production = TestEstate.withDeploy(TestEstate.environment(moto, database, TestEstate.spec("gateprod").withBlueGreen()),
                new DeploySettings(staging.name(), List.of("echo before {env} {image}"), List.of("echo after {revision}")));
        try (SchedulerLoop prodScheduler = SchedulerLoop.start(moto, production.cluster())) {
            assertThat(deploy(staging, "onstage").outcome()).isEqualTo(RunOutcome.SUCCEEDED);

            assertThatThrownBy(() -> engine.blueGreen.deploy(production, "neverstaged", Duration.ofSeconds(30)))
                    .hasMessageContaining(":neverstaged has not been deployed to gatestage yet, and gateprod requires that (deploy.requiresDeployTo)")
                    .hasMessageContaining("gatestage's successful deploys: gatestage-web:onstage by tester@test-host");

            // The image staging ran is refused here, since gateprod's repository differs; the same image reference passes.
            String staged = engine.blueGreen.history().deploys(staging.name()).get(0).image();
            RunRecord promoted = deploy(production, staged);
            assertThat(promoted.outcome()).as(promoted.error()).isEqualTo(RunOutcome.SUCCEEDED);
            assertThat(log(promoted, "pre-deploy")).containsExactly("$ echo before 'gateprod' '" + staged + "'", "before gateprod " + staged);
            assertThat(log(promoted, "post-deploy").get(1)).startsWith("after arn:aws:ecs:");
        }
    }

    @Test
    void aSecondConsoleDeployingTheSameEnvironmentIsRefusedWithTheLockHolderNamed(MotoWorld moto, SandboxDatabase database) throws Exception {
        Environment env = blueGreen(moto, database, "contended");
        moto.targetHealth().failChecksOf(id -> true);
        // Its wait outlasts any machine's pace: the test cancels it once the second console was refused.
        BlueGreenDeploy first = engine.blueGreen.deploy(env, "one1111", Duration.ofMinutes(10));
        RunHandle running = engine.runner.start(first, engine.runner.plan(first), Decision.yes(), RunListener.NONE);
        Eventually.waitFor(() -> records(engine.runner.store()).anyMatch(r -> r.steps().stream()
                .anyMatch(s -> s.planned().id().equals("wait-stable") && s.state() == StepRecord.State.RUNNING)));

        try (EngineWorld second = new EngineWorld(moto.clients(), moto.catalog(), dir.resolve("other"), "someone@else")) {
            BlueGreenDeploy again = second.blueGreen.deploy(env, "two2222", Duration.ofSeconds(30));
            RunRecord refused = second.runner.start(again, second.runner.plan(again), Decision.yes(), RunListener.NONE).finished()
                    .get(1, TimeUnit.MINUTES);
            assertThat(refused.outcome()).isEqualTo(RunOutcome.FAILED);
            assertThat(refused.error()).contains("held by tester@test-host");
        }
        running.cancel("test over");
        running.finished().get(1, TimeUnit.MINUTES);
    }
}
