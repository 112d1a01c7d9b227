package dev.capstan.ops.codedeploy;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.capstan.aws.SdkTaskSetGateway;
import dev.capstan.domain.CodeDeployment;
import dev.capstan.domain.DeploySettings;
import dev.capstan.domain.Environment;
import dev.capstan.domain.TaskSetInfo;
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
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

/**
 * Deploys through CodeDeploy against the project's moto launcher, whose CodeDeploy moves an ECS blue/green deployment through
 * its lifecycle events (one step per look), waits for approval when the group says so, runs hooks that succeed or fail as the
 * test sets, and rolls back; the sandbox's scheduler runs the task sets' tasks behind their target groups.
 */
@ExtendWith({MotoExtension.class, PostgresExtension.class})
class CodeDeployTest {
    private static final Duration TIMEOUT = Duration.ofMinutes(1);
    @TempDir
    Path dir;
    private EngineWorld engine;
    private SchedulerLoop scheduler;
    private SdkTaskSetGateway taskSets;

    @BeforeEach
    void setUp(MotoWorld moto) {
        engine = new EngineWorld(moto, dir.resolve("runs"));
        taskSets = new SdkTaskSetGateway(moto.clients());
    }

    @AfterEach
    void tearDown() throws Exception {
        if (scheduler != null) {
            scheduler.close();
        }
        engine.close();
    }

    private Environment codeDeployed(MotoWorld moto, SandboxDatabase database, String name, int approvalMinutes) throws Exception {
        Environment env = TestEstate.codeDeployEnvironment(moto, database, name, approvalMinutes);
        scheduler = SchedulerLoop.start(moto, env.cluster());
        return env;
    }

    private RunRecord run(Operation operation) throws Exception {
        return engine.runner.start(operation, engine.runner.plan(operation), Decision.yes(), RunListener.NONE).finished().get(2, TimeUnit.MINUTES);
    }

    /** Starts the deploy and ends its run once it waits for someone to reroute traffic, as the console does before approving or stopping. */
    private RunRecord deployUntilItWaitsForApproval(Operation deploy) throws Exception {
        CountDownLatch waiting = new CountDownLatch(1);
        RunHandle handle = engine.runner.start(deploy, engine.runner.plan(deploy), Decision.yes(), new RunListener() {
            @Override
            public void log(PlannedStep step, String line) {
                if (line.contains("someone to reroute traffic")) {
                    waiting.countDown();
                }
            }
        });
        assertThat(waiting.await(1, TimeUnit.MINUTES)).as("the deploy waits for approval").isTrue();
        handle.cancel("handed over to the approval");
        return handle.finished().get(1, TimeUnit.MINUTES);
    }

    private List<TaskSetInfo> taskSets(Environment env) {
        return taskSets.taskSets(engine.targets.of(env), env.cluster(), env.service());
    }

    private TaskSetInfo primary(Environment env) {
        return taskSets(env).stream().filter(TaskSetInfo::primary).findFirst().orElseThrow();
    }

    private static String summary(RunRecord run, String step) {
        return run.steps().stream().filter(s -> s.planned().id().equals(step)).findFirst().map(StepRecord::summary).orElseThrow();
    }

    @Test
    void aDeploySucceedsWhenCodeDeployDoesAndTheReplacementServes(MotoWorld moto, SandboxDatabase database) throws Exception {
        Environment env = codeDeployed(moto, database, "cdok", 0);
        String before = primary(env).taskDefinition();

        RunRecord done = run(engine.deploys.deploy(env, "c0ffee1", TIMEOUT));

        assertThat(done.outcome()).as(done.error()).isEqualTo(RunOutcome.SUCCEEDED);
        assertThat(done.operationType()).isEqualTo(CodeDeployRelease.TYPE);
        String fresh = done.facts().get("newTaskDefinition").get(0);
        assertThat(fresh).isNotEqualTo(before);
        assertThat(engine.taskDefinitions.revision(engine.targets.of(env), fresh).containers().get(0).image()).endsWith("/cdok-web:c0ffee1");
        assertThat(taskSets(env)).singleElement().satisfies(set -> {
            assertThat(set.primary()).isTrue();
            assertThat(set.taskDefinition()).isEqualTo(fresh);
        });
        CodeDeployPicture picture = engine.codeDeploys.picture(env);
        assertThat(picture.group().label()).isEqualTo("AppECS-cdok-cluster-cdok-web / DgpECS-cdok-cluster-cdok-web");
        assertThat(picture.current().succeeded()).isTrue();
        assertThat(picture.current().events()).extracting(CodeDeployment.Event::status).containsOnly("Succeeded");
        assertThat(picture.current().events()).extracting(CodeDeployment.Event::name).containsExactly("BeforeInstall", "Install", "AfterInstall",
                "AllowTestTraffic", "AfterAllowTestTraffic", "BeforeAllowTraffic", "AllowTraffic", "AfterAllowTraffic");
        assertThat(summary(done, "watch-deployment")).contains("succeeded").contains("cdok-web:");
        assertThat(picture.lastKnownGood()).as("the revision before the first deploy").contains(before);
    }

    @Test
    void aDeployWaitingForApprovalGoesOnWhenTrafficIsRerouted(MotoWorld moto, SandboxDatabase database) throws Exception {
        Environment env = codeDeployed(moto, database, "cdwait", 60);
        String before = primary(env).taskDefinition();

        RunRecord handedOver = deployUntilItWaitsForApproval(engine.deploys.deploy(env, "a9970ed", TIMEOUT));
        CodeDeployPicture waiting = engine.codeDeploys.picture(env);
        assertThat(waiting.current().waitingForApproval()).isTrue();
        assertThat(waiting.approvalLeft()).hasValueSatisfying(left -> assertThat(left).isBetween(Duration.ofMinutes(58), Duration.ofMinutes(60)));
        assertThat(waiting.current().taskSets()).extracting(CodeDeployment.TaskSet::label, CodeDeployment.TaskSet::trafficWeight)
                .containsExactly(org.assertj.core.groups.Tuple.tuple("BLUE", 100.0), org.assertj.core.groups.Tuple.tuple("GREEN", 0.0));
        assertThat(primary(env).taskDefinition()).as("production traffic has not moved").isEqualTo(before);

        RunRecord approved = run(engine.deploys.approve(env, TIMEOUT));

        assertThat(approved.outcome()).as(approved.error()).isEqualTo(RunOutcome.SUCCEEDED);
        assertThat(approved.operationType()).isEqualTo(ApproveDeployment.TYPE);
        String fresh = handedOver.facts().get("newTaskDefinition").get(0);
        assertThat(primary(env).taskDefinition()).isEqualTo(fresh);
        assertThat(approved.facts().get(CodeDeployRelease.DEPLOYMENT)).isEqualTo(handedOver.facts().get(CodeDeployRelease.DEPLOYMENT));
        assertThatThrownBy(() -> engine.deploys.approve(env, TIMEOUT)).hasMessageContaining("waits for approval");
    }

    @Test
    void aDeployStoppedWhileItWaitsIsRolledBackToTheOriginalTaskSet(MotoWorld moto, SandboxDatabase database) throws Exception {
        Environment env = codeDeployed(moto, database, "cdstop", 60);
        String before = primary(env).taskDefinition();
        RunRecord handedOver = deployUntilItWaitsForApproval(engine.deploys.deploy(env, "5t0pme", TIMEOUT));
        String deployment = handedOver.facts().get(CodeDeployRelease.DEPLOYMENT).get(0);

        RunRecord stopped = run(engine.deploys.stop(env, TIMEOUT));

        assertThat(stopped.outcome()).as(stopped.error()).isEqualTo(RunOutcome.SUCCEEDED);
        assertThat(stopped.operationType()).isEqualTo(StopAndRollBack.TYPE);
        assertThat(summary(stopped, "watch-rollback")).contains(deployment).contains("serves cdstop-web again");
        assertThat(taskSets(env)).singleElement().satisfies(set -> assertThat(set.taskDefinition()).isEqualTo(before));
        CodeDeployment after = engine.codeDeploys.picture(env).recent().stream().filter(d -> d.id().equals(deployment)).findFirst().orElseThrow();
        assertThat(after.status()).isEqualTo("Stopped");
        assertThat(after.rollbackDeploymentId()).isNotNull();
        assertThatThrownBy(() -> engine.deploys.stop(env, TIMEOUT)).hasMessageContaining("in progress");
    }

    @Test
    void aFailingHookFailsTheDeployWithTheHooksNameAndCodeDeployRollsBack(MotoWorld moto, SandboxDatabase database) throws Exception {
        Environment env = TestEstate.withDeploy(codeDeployed(moto, database, "cdhook", 0), new DeploySettings(null, List.of(), List.of(), null,
                new DeploySettings.CodeDeploy(null, null, Map.of("AfterAllowTestTraffic", "cdhook-smoke-test"))));
        moto.hookOutcome("cdhook-smoke-test", "Failed");
        String before = primary(env).taskDefinition();

        RunRecord failed = run(engine.deploys.deploy(env, "f41l", TIMEOUT));

        assertThat(failed.outcome()).isEqualTo(RunOutcome.FAILED);
        assertThat(failed.error()).contains("AfterAllowTestTraffic hook (cdhook-smoke-test) failed").contains("CodeDeploy rolled back");
        assertThat(taskSets(env)).singleElement().satisfies(set -> assertThat(set.taskDefinition()).isEqualTo(before));
        CodeDeployPicture picture = engine.codeDeploys.picture(env);
        assertThat(picture.current().failedEvent()).hasValueSatisfying(e -> assertThat(e.name()).isEqualTo("AfterAllowTestTraffic"));
        assertThat(picture.lastKnownGood()).as("the failed revision is no rollback target, and the good one serves").isEmpty();
    }

    @Test
    void theMigrationRunsFromTheNewRevisionBeforeCodeDeployIsAsked(MotoWorld moto, SandboxDatabase database) throws Exception {
        Environment env = TestEstate.withDeploy(codeDeployed(moto, database, "cdmig", 0),
                new DeploySettings(null, List.of(), List.of(), new DeploySettings.Migration("run,migration:run", null)));
        ScheduledExecutorService player = Executors.newSingleThreadScheduledExecutor();
        try {
            TaskHarness.play(moto, env.cluster(), 0, player);

            RunRecord done = run(engine.deploys.deploy(env, "m1grate", TIMEOUT));

            assertThat(done.outcome()).as(done.error()).isEqualTo(RunOutcome.SUCCEEDED);
            assertThat(done.steps()).extracting(s -> s.planned().id()).containsSubsequence("register-revision", "migrate", "create-deployment");
            assertThat(summary(done, "migrate")).contains(dev.capstan.domain.TaskDefinitionNames.familyRevision(done.facts().get("newTaskDefinition").get(0)));
            assertThat(engine.ecs.tasksStartedBy(engine.targets.of(env), env.cluster(), done.id())).as("migration tasks").hasSize(1);
        } finally {
            player.shutdownNow();
            player.awaitTermination(5, TimeUnit.SECONDS);
        }
    }

    @Test
    void aRollbackDeploysTheLastKnownGoodRevisionThroughCodeDeploy(MotoWorld moto, SandboxDatabase database) throws Exception {
        Environment env = codeDeployed(moto, database, "cdback", 0);
        String first = primary(env).taskDefinition();
        RunRecord deployed = run(engine.deploys.deploy(env, "n3w", TIMEOUT));
        assertThat(deployed.outcome()).as(deployed.error()).isEqualTo(RunOutcome.SUCCEEDED);

        RunRecord back = run(engine.deploys.rollback(env, null, TIMEOUT));

        assertThat(back.outcome()).as(back.error()).isEqualTo(RunOutcome.SUCCEEDED);
        assertThat(back.operationType()).isEqualTo(CodeDeployRelease.ROLLBACK_TYPE);
        assertThat(primary(env).taskDefinition()).isEqualTo(first);
        assertThat(engine.codeDeploys.picture(env).recent()).hasSize(2).allMatch(CodeDeployment::succeeded);
    }

    @Test
    void aSecondDeployIsRefusedWhileCodeDeployIsStillDeploying(MotoWorld moto, SandboxDatabase database) throws Exception {
        Environment env = codeDeployed(moto, database, "cdbusy", 60);
        deployUntilItWaitsForApproval(engine.deploys.deploy(env, "f1rst", TIMEOUT));

        Operation second = engine.deploys.deploy(env, "s3cond", TIMEOUT);
        assertThat(second.warnings()).anyMatch(w -> w.contains("is deploying"));
        RunRecord refused = run(second);

        assertThat(refused.outcome()).isEqualTo(RunOutcome.FAILED);
        assertThat(refused.error()).contains("CodeDeploy is deploying to").contains("capstan deploy stop --env cdbusy");
        assertThat(engine.codeDeploys.picture(env).recent()).hasSize(1);
    }
}
