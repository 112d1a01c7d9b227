package dev.capstan.ops.codedeploy;

import static org.assertj.core.api.Assertions.assertThat;

import dev.capstan.aws.SdkTaskSetGateway;
import dev.capstan.domain.DeploySettings;
import dev.capstan.domain.Environment;
import dev.capstan.ops.Decision;
import dev.capstan.ops.EngineWorld;
import dev.capstan.ops.RunListener;
import dev.capstan.ops.RunOutcome;
import dev.capstan.ops.RunRecord;
import dev.capstan.ops.bluegreen.DeployChild;
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
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * A console killed after each step of a deploy through CodeDeploy (with its migration): the resumed deploy ends where an
 * uninterrupted one does, with one new revision, one migration task and one CodeDeploy deployment, never two.
 */
@ExtendWith({MotoExtension.class, PostgresExtension.class})
class CodeDeployResumeTest {
    @TempDir
    Path dir;

    @ParameterizedTest(name = "killed after {0}")
    @ValueSource(strings = {"read-service", "register-revision", "migrate", "create-deployment", "watch-deployment"})
    void aDeployKilledAfterAStepResumesToTheSameEndState(String step, MotoWorld moto, SandboxDatabase database) throws Exception {
        Environment env = TestEstate.withDeploy(TestEstate.codeDeployEnvironment(moto, database, "cr-" + step.substring(0, 3) + step.length(), 0),
                new DeploySettings(null, List.of(), List.of(), new DeploySettings.Migration("run,migration:run", null)));
        Path runs = dir.resolve("runs");
        ScheduledExecutorService player = Executors.newSingleThreadScheduledExecutor();
        try (SchedulerLoop scheduler = SchedulerLoop.start(moto, env.cluster());
             EngineWorld engine = new EngineWorld(moto, runs)) {
            TaskHarness.play(moto, env.cluster(), 0, player);
            int revisionsBefore = engine.taskDefinitions.revisions(engine.targets.of(env), env.service()).size();
            CodeDeployRelease deploy = engine.codeDeploys.deploy(env, "resumed", Duration.ofMinutes(1));

            DeployChild.killedAfter(step, CodeDeployRelease.TYPE, dir, runs, moto, env, deploy.parameters());

            RunRecord interrupted = engine.runner.store().read(engine.runner.store().unfinished(env.name(), CodeDeployRelease.TYPE).get(0).id());
            RunRecord resumed = engine.runner.resume(interrupted.id(), env, Decision.yes(), RunListener.NONE).finished().get(2, TimeUnit.MINUTES);

            assertThat(resumed.outcome()).as(resumed.error()).isEqualTo(RunOutcome.SUCCEEDED);
            String fresh = resumed.facts().get("newTaskDefinition").get(0);
            assertThat(engine.taskDefinitions.revision(engine.targets.of(env), fresh).containers().get(0).image()).endsWith(":resumed");
            assertThat(new SdkTaskSetGateway(moto.clients()).taskSets(engine.targets.of(env), env.cluster(), env.service())).singleElement()
                    .satisfies(set -> assertThat(set.taskDefinition()).isEqualTo(fresh));
            assertThat(engine.taskDefinitions.revisions(engine.targets.of(env), env.service())).hasSize(revisionsBefore + 1);
            assertThat(engine.ecs.tasksStartedBy(engine.targets.of(env), env.cluster(), interrupted.id())).as("migration tasks").hasSize(1);
            assertThat(engine.codeDeploys.picture(env).recent()).as("CodeDeploy deployments").singleElement()
                    .satisfies(d -> assertThat(d.succeeded()).isTrue());
        } finally {
            player.shutdownNow();
            player.awaitTermination(5, TimeUnit.SECONDS);
        }
    }
}
