package dev.capstan.ops.bluegreen;

import static org.assertj.core.api.Assertions.assertThat;

import dev.capstan.domain.Environment;
import dev.capstan.domain.TaskSetInfo;
import dev.capstan.ops.Decision;
import dev.capstan.ops.EngineWorld;
import dev.capstan.ops.RunListener;
import dev.capstan.ops.RunOutcome;
import dev.capstan.ops.RunRecord;
import dev.capstan.sandbox.SandboxDatabase;
import dev.capstan.testworld.Eventually;
import dev.capstan.testworld.MotoExtension;
import dev.capstan.testworld.MotoWorld;
import dev.capstan.testworld.PostgresExtension;
import dev.capstan.testworld.SchedulerLoop;
import dev.capstan.testworld.TestEstate;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Resume after a crash: a console killed after each step of a deploy in turn, resumed here, ends as an
 * uninterrupted deploy does — the new set PRIMARY behind the new colour, which serves, the originally
 * PRIMARY set still running ACTIVE, one new revision, no third set.
 */
@ExtendWith({MotoExtension.class, PostgresExtension.class})
class DeployResumeTest {
    @TempDir
    Path dir;

    @ParameterizedTest(name = "killed after {0}")
    @ValueSource(strings = {"read-colours", "remove-stale-task-sets", "register-revision", "create-task-set", "wait-stable", "swap-priorities",
            "make-primary"})
    void aDeployKilledAfterAStepResumesToTheSameEndState(String step, MotoWorld moto, SandboxDatabase database) throws Exception {
        Environment env = TestEstate.environment(moto, database, TestEstate.spec("bg-" + step.substring(0, 4) + step.length()).withBlueGreen());
        Path runs = dir.resolve("runs");
        try (SchedulerLoop scheduler = SchedulerLoop.start(moto, env.cluster());
             EngineWorld engine = new EngineWorld(moto, runs)) {
            String original = engine.blueGreen.picture(env).primary().orElseThrow().arn();
            int revisionsBefore = engine.taskDefinitions.revisions(engine.targets.of(env), env.service()).size();
            BlueGreenDeploy deploy = engine.blueGreen.deploy(env, "resumed", Duration.ofMinutes(1));

            DeployChild.killedAfter(step, BlueGreenDeploy.TYPE, dir, runs, moto, env, deploy.parameters());

            RunRecord interrupted = engine.runner.store().read(engine.runner.store().unfinished(env.name(), BlueGreenDeploy.TYPE).get(0).id());
            RunRecord resumed = engine.runner.resume(interrupted.id(), env, Decision.yes(), RunListener.NONE).finished().get(2, TimeUnit.MINUTES);

            assertThat(resumed.outcome()).as(resumed.error()).isEqualTo(RunOutcome.SUCCEEDED);
            BlueGreenPicture end = engine.blueGreen.picture(env);
            assertThat(end.active()).isEqualTo(Colour.GREEN);
            TaskSetInfo primary = end.primary().orElseThrow();
            assertThat(primary.externalId()).isEqualTo(interrupted.id());
            assertThat(end.activeSide().image()).endsWith(":resumed");
            assertThat(end.taskSets()).hasSize(2).anyMatch(s -> s.arn().equals(original) && "ACTIVE".equals(s.status()));
            assertThat(engine.taskDefinitions.revisions(engine.targets.of(env), env.service())).hasSize(revisionsBefore + 1);
            Eventually.waitFor(() -> engine.blueGreen.picture(env).blue().serving());
        }
    }
}
