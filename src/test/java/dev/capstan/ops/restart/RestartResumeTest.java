package dev.capstan.ops.restart;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.capstan.aws.sandbox.EnvironmentSpec;
import dev.capstan.domain.Environment;
import dev.capstan.domain.ServiceTask;
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
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * A console killed after each step of a restart in turn, and once in the middle of stopping the old
 * tasks (after ECS stopped the first, before the journal knew): resumed here, the restart ends exactly as an
 * uninterrupted one (old tasks stopped, counts restored), and across both consoles every old task was
 * stopped once and no new task at all.
 */
@ExtendWith({MotoExtension.class, PostgresExtension.class})
class RestartResumeTest {
    @TempDir
    Path dir;

    @ParameterizedTest(name = "killed after {0}")
    @ValueSource(strings = {"read-starting-point", "raise-group", "raise-service-count", "wait-new-tasks-healthy", "first-stop-task",
            "stop-old-tasks", "restore-service-count", "restore-group"})
    void aRestartKilledAfterAStepResumesToTheSameEndState(String step, MotoWorld moto, SandboxDatabase database) throws Exception {
        String name = "kill-" + step.split("-")[0] + step.length();
        Environment environment = TestEstate.environment(moto, database, TestEstate.spec(name).withLaunchType(EnvironmentSpec.EC2));
        Path runs = dir.resolve("runs");
        try (SchedulerLoop scheduler = SchedulerLoop.start(moto, environment.cluster());
             EngineWorld engine = new EngineWorld(moto, runs)) {
            Eventually.waitFor(() -> running(engine, environment).size() == 2);
            Set<String> old = RollingRestartTest.arns(running(engine, environment));
            RollingRestart restart = engine.restart.restart(environment, null, null, Duration.ofMinutes(1), true);
            moto.faults().clear();

            Process child = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                    "-cp", System.getProperty("java.class.path"), RestartChild.class.getName(), runs.toString(), moto.awsConfig().toString(),
                    moto.awsCredentials().toString(), new ObjectMapper().writeValueAsString(environment),
                    new ObjectMapper().writeValueAsString(restart.parameters()), step)
                    .redirectErrorStream(true).redirectOutput(dir.resolve("child.log").toFile()).start();
            assertThat(child.waitFor(2, TimeUnit.MINUTES)).isTrue();
            String childLog = Files.readString(dir.resolve("child.log"));
            assertThat(child.exitValue()).as(childLog).isEqualTo(137);

            RunRecord interrupted = engine.runner.store().read(engine.runner.store().unfinished(environment.name(), RollingRestart.TYPE).get(0).id());
            assertThat(interrupted.outcome()).isEqualTo(RunOutcome.INTERRUPTED);
            RunRecord resumed = engine.runner.resume(interrupted.id(), environment, Decision.yes(), RunListener.NONE).finished()
                    .get(2, TimeUnit.MINUTES);

            assertThat(resumed.outcome()).as(resumed.error()).isEqualTo(RunOutcome.SUCCEEDED);
            assertThat(Set.copyOf(resumed.facts().get("oldTasks"))).isEqualTo(old);
            RollingRestartTest.assertEndState(moto, environment, old);
            assertThat(stopTasksSent(childLog) + moto.faults().sent("StopTask")).as("old tasks stopped once each, across both consoles")
                    .isEqualTo(2);
        }
    }

    private static int stopTasksSent(String childLog) {
        Matcher m = Pattern.compile("StopTask sent (\\d+)").matcher(childLog);
        assertThat(m.find()).as(childLog).isTrue();
        return Integer.parseInt(m.group(1));
    }

    private static List<ServiceTask> running(EngineWorld engine, Environment environment) {
        return engine.ecs.serviceTaskDetails(engine.targets.of(environment), environment.cluster(), environment.service()).stream()
                .filter(ServiceTask::running).toList();
    }
}
