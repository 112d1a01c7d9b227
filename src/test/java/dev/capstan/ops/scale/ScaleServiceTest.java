package dev.capstan.ops.scale;

import static org.assertj.core.api.Assertions.assertThat;

import dev.capstan.aws.sandbox.EcsScheduler;
import dev.capstan.domain.Environment;
import dev.capstan.ops.Decision;
import dev.capstan.ops.EngineWorld;
import dev.capstan.ops.Plan;
import dev.capstan.ops.PlannedStep;
import dev.capstan.ops.RunListener;
import dev.capstan.ops.RunOutcome;
import dev.capstan.ops.RunRecord;
import dev.capstan.sandbox.SandboxDatabase;
import dev.capstan.testworld.MotoExtension;
import dev.capstan.testworld.MotoWorld;
import dev.capstan.testworld.PostgresExtension;
import dev.capstan.testworld.TestEstate;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

@ExtendWith({MotoExtension.class, PostgresExtension.class})
class ScaleServiceTest {
    @TempDir
    Path dir;
    private EngineWorld engine;
    private Environment environment;
    private final ScheduledExecutorService scheduler = Executors.newSingleThreadScheduledExecutor();

    @BeforeEach
    void setUp(MotoWorld moto, SandboxDatabase database) throws Exception {
        environment = TestEstate.environment(moto, database, "scaler");
        engine = new EngineWorld(moto, dir.resolve("runs"));
        moto.faults().clear();
    }

    @AfterEach
    void tearDown() {
        scheduler.shutdownNow();
        engine.close();
    }

    private void runTheEcsScheduler(MotoWorld moto) {
        EcsScheduler ecs = new EcsScheduler(moto.clients(), moto.target(), List.of(environment.cluster()));
        scheduler.scheduleWithFixedDelay(ecs::reconcileOnce, 0, 300, TimeUnit.MILLISECONDS);
    }

    private static boolean mutating(String operation) {
        return !(operation.startsWith("Describe") || operation.startsWith("List") || operation.startsWith("Get"));
    }

    @Test
    void thePlanReadsTodaysCountsAndSendsNoMutatingRequest(MotoWorld moto) throws Exception {
        Plan plan = engine.runner.plan(engine.scale.scale(environment, 4, Duration.ofMinutes(2)));

        assertThat(plan.title()).isEqualTo("Scale scaler-web on scaler to 4");
        assertThat(plan.steps()).as("journals refer to steps by id: a resume after an upgrade finds them")
                .extracting(PlannedStep::id).containsExactly("read-counts", "set-desired-count", "wait-running");
        assertThat(plan.steps()).extracting(PlannedStep::sentence).containsExactly(
                "Read the desired count of scaler-web and the tasks it runs now",
                "Set desired count of scaler-web from 2 to 4",
                "Wait until scaler-web runs 4 tasks with none pending (at most 2 min 0 s)");
        assertThat(plan.step("set-desired-count").before()).isEqualTo("2");
        assertThat(plan.step("set-desired-count").after()).isEqualTo("4");
        assertThat(moto.faults().sentOperations()).isNotEmpty();
        assertThat(moto.faults().sentOperations().keySet()).noneMatch(ScaleServiceTest::mutating);
        assertThat(engine.ecs.service(moto.target(), environment.cluster(), environment.service()).desiredCount()).isEqualTo(2);
    }

    @Test
    void aRunScalesAndRemembersTheOriginalCountAndTasks(MotoWorld moto) throws Exception {
        runTheEcsScheduler(moto);
        List<String> tasksBefore = engine.ecs.runningTaskArns(moto.target(), environment.cluster(), environment.service());
        ScaleService scale = engine.scale.scale(environment, 3, Duration.ofSeconds(30));

        RunRecord run = engine.runner.start(scale, engine.runner.plan(scale), Decision.yes(), RunListener.NONE).finished().get(60, TimeUnit.SECONDS);

        assertThat(run.outcome()).as(run.error()).isEqualTo(RunOutcome.SUCCEEDED);
        assertThat(run.facts()).containsEntry("originalDesiredCount", List.of("2")).containsEntry("tasksBefore", tasksBefore);
        assertThat(tasksBefore).hasSize(2);
        assertThat(engine.ecs.serviceTasks(moto.target(), environment.cluster(), environment.service())).hasSize(3).allMatch(t -> t.running());
        assertThat(run.steps().get(2).log()).last().isEqualTo("running 3, on their way 0, wanted 3");
    }

    @Test
    void aResumedRunDoesNotSetTheCountAgainAndKeepsTheOriginalFacts(MotoWorld moto) throws Exception {
        ScaleService scale = engine.scale.scale(environment, 4, Duration.ofSeconds(2));
        RunRecord timedOut = engine.runner.start(scale, engine.runner.plan(scale), Decision.yes(), RunListener.NONE)
                .finished().get(60, TimeUnit.SECONDS);
        assertThat(timedOut.outcome()).isEqualTo(RunOutcome.FAILED);
        assertThat(timedOut.error()).contains("has running 2, on their way 0, wanted 4");
        assertThat(moto.faults().sent("UpdateService")).isEqualTo(1);

        runTheEcsScheduler(moto);
        RunRecord resumed = engine.runner.resume(timedOut.id(), environment, Decision.yes(), RunListener.NONE).finished().get(60, TimeUnit.SECONDS);

        assertThat(resumed.outcome()).as(resumed.error()).isEqualTo(RunOutcome.SUCCEEDED);
        assertThat(moto.faults().sent("UpdateService")).as("the set-count step is not run again").isEqualTo(1);
        assertThat(resumed.facts()).containsEntry("originalDesiredCount", List.of("2"));
    }

    @Test
    void aJournalWrittenBeforeRequestsWereTypedListsAndResumes(MotoWorld moto) throws Exception {
        moto.faults().failWith("UpdateService", "AccessDeniedException", 400, 1);
        ScaleService scale = engine.scale.scale(environment, 3, Duration.ofMinutes(1));
        RunRecord failed = engine.runner.start(scale, engine.runner.plan(scale), Decision.yes(), RunListener.NONE).finished().get(60, TimeUnit.SECONDS);
        assertThat(failed.outcome()).isEqualTo(RunOutcome.FAILED);
        assertThat(failed.request()).isNotNull();
        asThePreviousVersionWroteIt(failed.file());

        RunRecord old = engine.runner.store().read(failed.id());
        assertThat(old.request()).isNull();
        assertThat(old.scope()).isNull();
        assertThat(engine.runner.store().unfinished(environment.name(), ScaleService.TYPE)).extracting(r -> r.id()).containsExactly(failed.id());

        runTheEcsScheduler(moto);
        RunRecord resumed = engine.runner.resume(failed.id(), environment, Decision.yes(), RunListener.NONE).finished().get(60, TimeUnit.SECONDS);
        assertThat(resumed.outcome()).as(resumed.error()).isEqualTo(RunOutcome.SUCCEEDED);
        assertThat(engine.ecs.service(moto.target(), environment.cluster(), environment.service()).desiredCount()).isEqualTo(3);
    }

    /** The header as Capstan wrote it before requests were typed: the parameters as text, no request, no scope. */
    private static void asThePreviousVersionWroteIt(Path journal) throws Exception {
        com.fasterxml.jackson.databind.ObjectMapper json = new com.fasterxml.jackson.databind.ObjectMapper();
        List<String> lines = new java.util.ArrayList<>(java.nio.file.Files.readAllLines(journal));
        com.fasterxml.jackson.databind.node.ObjectNode header = (com.fasterxml.jackson.databind.node.ObjectNode) json.readTree(lines.get(0));
        assertThat(header.path("parameters").path("timeoutSeconds").asText()).isEqualTo("60");
        header.remove("request");
        header.remove("scope");
        lines.set(0, json.writeValueAsString(header));
        java.nio.file.Files.write(journal, lines);
    }
}
