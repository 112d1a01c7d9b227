package dev.capstan.ops.runbook;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.capstan.domain.Environment;
import dev.capstan.ops.Decision;
import dev.capstan.ops.EngineWorld;
import dev.capstan.ops.RunListener;
import dev.capstan.ops.RunOutcome;
import dev.capstan.ops.RunRecord;
import dev.capstan.sandbox.SandboxDatabase;
import dev.capstan.testworld.MotoExtension;
import dev.capstan.testworld.MotoWorld;
import dev.capstan.testworld.PostgresExtension;
import dev.capstan.testworld.SchedulerLoop;
import dev.capstan.testworld.TestEstate;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.ZoneOffset;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

/** A runbook walked on the engine: manual ticks journaled with who and when, operations as runs of their own, checks with evidence. */
@ExtendWith({MotoExtension.class, PostgresExtension.class})
class RunbookRunTest {
    static final String RELEASE = """
            name: small-release
            title: Small release
            parameters:
              - name: count
                default: "3"
            steps:
              - id: announce
                manual: Tell the team ${env} is being scaled to ${count}.
                note: Where
              - id: scale
                title: Scale to ${count}
                operation: service.scale
                with: {count: "${count}", timeout: 1m}
              - id: running
                title: All tasks run
                check: tasks-running
              - id: qa
                manual: Open the app and click around.
            """;
    @TempDir
    Path dir;
    private EngineWorld engine;
    private Environment env;
    private SchedulerLoop scheduler;
    private final TickingAttendant person = new TickingAttendant();

    @BeforeEach
    void setUp(MotoWorld moto, SandboxDatabase database) throws Exception {
        env = TestEstate.environment(moto, database, "walked");
        engine = new EngineWorld(moto, dir.resolve("runs"));
        engine.attendants.attend(person);
        scheduler = SchedulerLoop.start(moto, env.cluster());
    }

    @AfterEach
    void tearDown() throws Exception {
        scheduler.close();
        engine.close();
    }

    private RunbookCatalog.Entry entry(String yaml) throws Exception {
        return new RunbookCatalog.Entry(engine.runbooks.services().loader().parse(Path.of("test.yaml"), yaml, "test"), yaml);
    }

    @Test
    void aRunbookIsWalkedAndItsRecordSaysWhoDidWhatAndWhen() throws Exception {
        RunbookRun run = engine.runbooks.run(entry(RELEASE), env, Map.of());
        RunRecord done = engine.runner.start(run, engine.runner.plan(run), Decision.yes(), RunListener.NONE).finished().get(2, TimeUnit.MINUTES);

        assertThat(done.outcome()).as(done.error()).isEqualTo(RunOutcome.SUCCEEDED);
        assertThat(person.ticked).containsExactly("announce", "qa");
        assertThat(person.confirmed).containsExactly("Scale walked-web on walked to 3");
        String child = done.facts().get("run:scale").get(0);
        assertThat(engine.runner.store().read(child).outcome()).isEqualTo(RunOutcome.SUCCEEDED);

        String record = new RunbookRecord(ZoneOffset.UTC).markdown(done);
        assertThat(record).startsWith("## Runbook \"Small release\" on walked (count 3)\n")
                .containsPattern("- \\[x] \\*\\*1\\. Tell the team walked is being scaled to 3\\.\\*\\* — Ticked by tester@test-host at \\S+; Where: done: announce")
                .containsPattern("- \\[x] \\*\\*2\\. Operation: Scale to 3 \\(service\\.scale\\)\\*\\* — Run " + child
                        + " \\(Scale walked-web on walked to 3\\) succeeded in \\d+ s \\(tester@test-host, \\d{4}-\\d\\d-\\d\\d ")
                .contains("- [x] **3. Check: All tasks run")
                .contains("  - walked-web desires 3 tasks")
                .containsPattern("- \\[x] \\*\\*4\\. Open the app and click around\\.\\*\\* — Ticked by tester@test-host");
    }

    @Test
    void aFailingCheckStopsTheRunWithItsEvidenceAndAResumeChecksAgain() throws Exception {
        String yaml = """
                name: check-only
                steps:
                  - check: tasks-running
                """;
        engine.ecs.setDesiredCount(engine.targets.of(env), env.cluster(), env.service(), 2);
        scheduler.close();
        engine.ecs.setDesiredCount(engine.targets.of(env), env.cluster(), env.service(), 3);
        RunbookRun run = engine.runbooks.run(entry(yaml), env, Map.of());
        RunRecord failed = engine.runner.start(run, engine.runner.plan(run), Decision.yes(), RunListener.NONE).finished().get(1, TimeUnit.MINUTES);

        assertThat(failed.outcome()).isEqualTo(RunOutcome.FAILED);
        assertThat(failed.error()).startsWith("Check tasks-running failed: 2 of 3 tasks RUNNING (walked-web desires 3 tasks; task ");
        assertThat(new RunbookRecord(ZoneOffset.UTC).markdown(failed)).contains("- [ ] **1. Check: tasks-running").contains("**failed**");

        engine.ecs.setDesiredCount(engine.targets.of(env), env.cluster(), env.service(), 2);
        RunRecord resumed = engine.runner.resume(failed.id(), env, Decision.yes(), RunListener.NONE).finished().get(1, TimeUnit.MINUTES);
        assertThat(resumed.outcome()).as(resumed.error()).isEqualTo(RunOutcome.SUCCEEDED);
    }

    @Test
    void aRunbookInterruptedAfterAManualStepResumesAtTheNextStep(MotoWorld moto) throws Exception {
        Path runs = dir.resolve("runs");
        Process child = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-cp", System.getProperty("java.class.path"), RunbookChild.class.getName(), runs.toString(), moto.awsConfig().toString(),
                moto.awsCredentials().toString(), new ObjectMapper().writeValueAsString(env), RELEASE, "announce")
                .redirectErrorStream(true).redirectOutput(dir.resolve("child.log").toFile()).start();
        assertThat(child.waitFor(2, TimeUnit.MINUTES)).isTrue();
        assertThat(child.exitValue()).as(Files.readString(dir.resolve("child.log"))).isEqualTo(137);

        RunRecord interrupted = engine.runner.store().read(engine.runner.store().unfinished(env.name(), RunbookRun.TYPE).get(0).id());
        assertThat(interrupted.outcome()).isEqualTo(RunOutcome.INTERRUPTED);
        assertThat(interrupted.nextStep().orElseThrow().planned().id()).isEqualTo("scale");
        RunRecord resumed = engine.runner.resume(interrupted.id(), env, Decision.yes(), RunListener.NONE).finished().get(2, TimeUnit.MINUTES);

        assertThat(resumed.outcome()).as(resumed.error()).isEqualTo(RunOutcome.SUCCEEDED);
        assertThat(person.ticked).as("the first tick came from the killed console; only the last step is asked here").containsExactly("qa");
        assertThat(new RunbookRecord(ZoneOffset.UTC).markdown(resumed)).contains("— Ticked by child@test-host at ")
                .contains("— Ticked by tester@test-host at ");
    }

    @Test
    void anOperationStepsWordsAreCheckedAgainstItsDeclarationWhenTheFileLoads() {
        assertThatThrownBy(() -> entry("""
                name: scale
                steps:
                  - operation: service.scale
                    with:
                      cuont: 3
                """)).hasMessage("test.yaml line 5, steps[0].with.cuont: the operation service.scale takes no 'cuont'; it takes count, timeout.");
        assertThatThrownBy(() -> entry("""
                name: publish
                steps:
                  - operation: region.publish
                    with:
                      region: OH
                """)).hasMessage("test.yaml line 4, steps[0].with: the operation region.publish needs 'from'; add it under with:.");
        assertThatThrownBy(() -> entry("""
                name: release
                steps:
                  - operation: lock.release
                """)).hasMessageContaining("Capstan has no operation 'lock.release' a runbook can start; it has service.scale, task.run");
    }
}
