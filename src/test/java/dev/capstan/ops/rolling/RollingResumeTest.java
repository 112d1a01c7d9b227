package dev.capstan.ops.rolling;

import static org.assertj.core.api.Assertions.assertThat;

import dev.capstan.domain.DeploySettings;
import dev.capstan.domain.Environment;
import dev.capstan.domain.ServiceTask;
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
 * A console killed after each step of a rolling deploy (with its migration): the resumed deploy ends where an uninterrupted one
 * does, with one new revision registered and one migration task started, never two.
 */
@ExtendWith({MotoExtension.class, PostgresExtension.class})
class RollingResumeTest {
    @TempDir
    Path dir;

    @ParameterizedTest(name = "killed after {0}")
    @ValueSource(strings = {"read-service", "register-revision", "migrate", "update-service", "watch-rollout"})
    void aDeployKilledAfterAStepResumesToTheSameEndState(String step, MotoWorld moto, SandboxDatabase database) throws Exception {
        Environment env = TestEstate.withDeploy(TestEstate.environment(moto, database, TestEstate.spec("rr-" + step.substring(0, 3) + step.length())),
                new DeploySettings(null, List.of(), List.of(), new DeploySettings.Migration("run,migration:run", null)));
        Path runs = dir.resolve("runs");
        ScheduledExecutorService player = Executors.newSingleThreadScheduledExecutor();
        try (SchedulerLoop scheduler = SchedulerLoop.start(moto, env.cluster());
             EngineWorld engine = new EngineWorld(moto, runs)) {
            TaskHarness.play(moto, env.cluster(), 0, player);
            int revisionsBefore = engine.taskDefinitions.revisions(engine.targets.of(env), env.service()).size();
            RollingDeploy deploy = engine.rolling.deploy(env, "resumed", Duration.ofMinutes(1));

            DeployChild.killedAfter(step, RollingDeploy.TYPE, dir, runs, moto, env, deploy.parameters());

            RunRecord interrupted = engine.runner.store().read(engine.runner.store().unfinished(env.name(), RollingDeploy.TYPE).get(0).id());
            RunRecord resumed = engine.runner.resume(interrupted.id(), env, Decision.yes(), RunListener.NONE).finished().get(2, TimeUnit.MINUTES);

            assertThat(resumed.outcome()).as(resumed.error()).isEqualTo(RunOutcome.SUCCEEDED);
            String now = engine.rolling.rollout(env).taskDefinition();
            assertThat(engine.taskDefinitions.revision(engine.targets.of(env), now).containers().get(0).image()).endsWith(":resumed");
            assertThat(engine.taskDefinitions.revisions(engine.targets.of(env), env.service())).hasSize(revisionsBefore + 1);
            assertThat(engine.ecs.tasksStartedBy(engine.targets.of(env), env.cluster(), interrupted.id())).as("migration tasks").hasSize(1);
            assertThat(engine.ecs.serviceTaskDetails(engine.targets.of(env), env.cluster(), env.service()).stream().filter(ServiceTask::running))
                    .hasSize(2).allMatch(t -> now.equals(t.taskDefinition()));
        } finally {
            player.shutdownNow();
            player.awaitTermination(5, TimeUnit.SECONDS);
        }
    }
}
