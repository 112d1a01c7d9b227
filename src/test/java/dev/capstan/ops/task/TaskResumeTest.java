package dev.capstan.ops.task;

import static dev.capstan.testworld.Runs.records;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.capstan.domain.Environment;
import dev.capstan.ops.Decision;
import dev.capstan.ops.EngineWorld;
import dev.capstan.ops.RunListener;
import dev.capstan.ops.RunOutcome;
import dev.capstan.ops.RunRecord;
import dev.capstan.ops.StepRecord;
import dev.capstan.sandbox.SandboxDatabase;
import dev.capstan.testworld.Eventually;
import dev.capstan.testworld.MotoExtension;
import dev.capstan.testworld.MotoWorld;
import dev.capstan.testworld.PostgresExtension;
import dev.capstan.testworld.TaskHarness;
import dev.capstan.testworld.TestEstate;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

/** Resume, not repeat: a one-off task run that stopped half-way goes back to its task and never starts a second. */
@ExtendWith({MotoExtension.class, PostgresExtension.class})
class TaskResumeTest {
    @TempDir
    Path dir;
    private EngineWorld engine;
    private Environment seeded;
    private Environment environment;
    private final ScheduledExecutorService harness = Executors.newSingleThreadScheduledExecutor();

    @BeforeEach
    void setUp(MotoWorld moto, SandboxDatabase database) throws Exception {
        seeded = TestEstate.environment(moto, database, "resumer");
        environment = TaskRunChild.environment(moto.endpoint(), seeded.lockTable(), seeded.cluster());
        engine = new EngineWorld(moto, dir.resolve("runs"));
        moto.faults().clear();
    }

    @AfterEach
    void tearDown() {
        harness.shutdownNow();
        engine.close();
    }

    private OneOffTask migration() {
        String taskDefinition = engine.ecs.service(engine.targets.of(seeded), seeded.cluster(), seeded.service()).taskDefinition();
        return engine.tasks.task(environment, new TaskRunRequest(null, taskDefinition, seeded.container(), List.of("run", "migration:run"),
                Map.of(), seeded.network().subnets(), seeded.network().securityGroups(), false, true, Duration.ofSeconds(60)));
    }

    @Test
    void aConsoleKilledWhileTheTaskRunsIsResumedByWatchingTheSameTask(MotoWorld moto) throws Exception {
        Path runs = dir.resolve("runs");
        Process child = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-cp", System.getProperty("java.class.path"), TaskRunChild.class.getName(),
                runs.toString(), moto.awsConfig().toString(), moto.awsCredentials().toString(), moto.endpoint(), seeded.lockTable(),
                seeded.cluster(), new ObjectMapper().writeValueAsString(migration().parameters()))
                .redirectErrorStream(true).redirectOutput(dir.resolve("child.log").toFile()).start();
        Eventually.waitFor(() -> records(engine.runner.store()).anyMatch(r -> r.steps().size() == 3
                && r.steps().get(2).log().stream().anyMatch(line -> line.endsWith(" is RUNNING"))));
        child.destroyForcibly();
        assertThat(child.waitFor(20, TimeUnit.SECONDS)).isTrue();

        RunRecord interrupted = engine.runner.store().read(engine.runner.store().unfinished(environment.name(), OneOffTask.TYPE).get(0).id());
        assertThat(interrupted.outcome()).isEqualTo(RunOutcome.INTERRUPTED);
        assertThat(interrupted.nextStep().orElseThrow().planned().id()).isEqualTo("watch-task");
        String taskArn = interrupted.facts().get("taskArn").get(0);
        TaskHarness.play(moto, seeded.cluster(), 0, harness);

        RunRecord resumed = engine.runner.resume(interrupted.id(), environment, Decision.yes(), RunListener.NONE).finished().get(90, TimeUnit.SECONDS);

        assertThat(resumed.outcome()).as(resumed.error()).isEqualTo(RunOutcome.SUCCEEDED);
        assertThat(moto.faults().sent("RunTask")).as("no task started by the resumed run").isZero();
        assertThat(engine.ecs.tasksStartedBy(moto.target(), seeded.cluster(), interrupted.id())).containsExactly(taskArn);
        assertThat(resumed.facts()).containsEntry("exitCode", List.of("0"));
        assertThat(resumed.steps()).extracting(StepRecord::state).containsOnly(StepRecord.State.DONE);
        assertThat(resumed.steps().get(2).log()).containsSubsequence(TaskHarness.SCRIPT);
    }

    @Test
    void aRunTaskWhoseAnswerWasLostIsFoundByStartedByInsteadOfStartedAgain(MotoWorld moto) throws Exception {
        moto.faults().loseAnswer("RunTask", 1);
        OneOffTask task = migration();
        RunRecord failed = engine.runner.start(task, engine.runner.plan(task), Decision.yes(), RunListener.NONE).finished().get(60, TimeUnit.SECONDS);
        assertThat(failed.outcome()).isEqualTo(RunOutcome.FAILED);
        assertThat(failed.facts()).doesNotContainKey("taskArn");
        List<String> started = engine.ecs.tasksStartedBy(moto.target(), seeded.cluster(), failed.id());
        assertThat(started).as("the task did start, though the console never heard").hasSize(1);
        TaskHarness.play(moto, seeded.cluster(), 0, harness);

        RunRecord resumed = engine.runner.resume(failed.id(), environment, Decision.yes(), RunListener.NONE).finished().get(90, TimeUnit.SECONDS);

        assertThat(resumed.outcome()).as(resumed.error()).isEqualTo(RunOutcome.SUCCEEDED);
        assertThat(moto.faults().sent("RunTask")).as("only the first, lost one").isEqualTo(1);
        assertThat(resumed.facts()).containsEntry("taskArn", started);
        assertThat(resumed.steps().get(1).summary()).contains("started by this run before Capstan stopped; no second task started");
    }
}
