package dev.capstan.ops;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.capstan.aws.sandbox.EstateSeeder;
import dev.capstan.domain.Environment;
import dev.capstan.testworld.MotoExtension;
import dev.capstan.testworld.MotoWorld;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

@ExtendWith(MotoExtension.class)
class RunnerTest {
    @TempDir
    Path dir;
    private EngineWorld engine;
    private Environment staging;
    private LedgerOperation ledger;

    @BeforeEach
    void setUp(MotoWorld moto) {
        new EstateSeeder(moto.clients(), moto.target()).lockTable("ledger-locks");
        engine = new EngineWorld(moto, dir.resolve("runs"));
        staging = EngineWorld.plainEnvironment("ledger-staging", moto.endpoint(), false, "ledger-locks");
        ledger = new LedgerOperation(staging, dir.resolve("ledger.txt"));
    }

    @AfterEach
    void tearDown() {
        System.clearProperty("ledger.failAt");
        engine.close();
    }

    private RunRecord runToEnd(RunHandle handle) throws Exception {
        return handle.finished().get(30, TimeUnit.SECONDS);
    }

    @Test
    void planningChangesNothingAndWritesNoJournal() throws Exception {
        Plan plan = engine.runner.plan(ledger);

        assertThat(plan.steps()).extracting(PlannedStep::sentence).containsExactly(
                "Count the ledger's entries", "Append entry A to the ledger", "Append entry B to the ledger", "Append entry C to the ledger");
        assertThat(plan.steps()).extracting(PlannedStep::kind).containsExactly(StepKind.READ, StepKind.CHANGE, StepKind.CHANGE, StepKind.CHANGE);
        assertThat(plan.step("append-A").before()).isEqualTo("-");
        assertThat(plan.step("append-A").after()).isEqualTo("A");
        assertThat(ledger.entries()).isEmpty();
        assertThat(engine.runner.store().summaries()).isEmpty();
    }

    @Test
    void aRunJournalsWhoWhatAndEveryStepAndReleasesItsLock() throws Exception {
        Files.createFile(ledger.goFile());
        RunRecord run = runToEnd(engine.runner.start(ledger, engine.runner.plan(ledger), Decision.yes(), RunListener.NONE));

        assertThat(run.outcome()).isEqualTo(RunOutcome.SUCCEEDED);
        assertThat(ledger.entries()).containsExactly("A", "B", "C");
        assertThat(run.osUser()).isEqualTo("tester@test-host");
        assertThat(run.callerArn()).startsWith("arn:aws:");
        assertThat(run.environment()).isEqualTo("ledger-staging");
        assertThat(run.parameters()).containsEntry("ledger", dir.resolve("ledger.txt").toString());
        assertThat(run.steps()).extracting(StepRecord::state).containsOnly(StepRecord.State.DONE);
        assertThat(run.steps().get(1).log()).containsExactly("Appended entry A");
        assertThat(run.facts()).containsEntry("entriesBefore", List.of("0"));
        assertThat(run.history()).anyMatch(line -> line.contains("lock acquired")).anyMatch(line -> line.contains("lock released"));
        assertThat(run.file()).startsWith(dir.resolve("runs"));
        assertThat(Files.readAllLines(run.file())).allMatch(line -> line.startsWith("{") && line.endsWith("}"));
        assertThat(engine.lock.status(dev.capstan.ops.lock.LockSpot.of(staging, engine.targets.of(staging)).orElseThrow())).isEmpty();
    }

    @Test
    void aFailedRunBlocksANewOneUntilResumedAndTheResumeRepeatsNoEffect() throws Exception {
        Files.createFile(ledger.goFile());
        System.setProperty("ledger.failAt", "B");
        RunRecord failed = runToEnd(engine.runner.start(ledger, engine.runner.plan(ledger), Decision.yes(), RunListener.NONE));
        assertThat(failed.outcome()).isEqualTo(RunOutcome.FAILED);
        assertThat(failed.error()).isEqualTo("Told to fail after entry B");
        assertThat(failed.nextStep().orElseThrow().planned().id()).isEqualTo("append-B");
        assertThat(ledger.entries()).containsExactly("A", "B");
        assertThat(failed.history()).anyMatch(line -> line.contains("lock released"));
        assertThat(engine.lock.status(dev.capstan.ops.lock.LockSpot.of(staging, engine.targets.of(staging)).orElseThrow())).isEmpty();

        assertThatThrownBy(() -> engine.runner.start(ledger, engine.runner.plan(ledger), Decision.yes(), RunListener.NONE))
                .isInstanceOf(UnfinishedRunException.class)
                .hasMessageContaining(failed.id()).hasMessageEndingWith("Resume it, or start over.");

        System.clearProperty("ledger.failAt");
        RunRecord resumed = runToEnd(engine.runner.resume(failed.id(), staging, Decision.yes(), RunListener.NONE));

        assertThat(resumed.outcome()).isEqualTo(RunOutcome.SUCCEEDED);
        assertThat(resumed.id()).isEqualTo(failed.id());
        assertThat(ledger.entries()).containsExactly("A", "B", "C");
        assertThat(resumed.steps().get(2).summary()).isEqualTo("Entry B was already there");
        assertThat(resumed.history()).anyMatch(line -> line.contains("resumed by tester@test-host"));
        assertThat(engine.runner.store().unfinished(staging.name(), LedgerOperation.TYPE)).isEmpty();
    }

    @Test
    void anUnfinishedRunBlocksOnlyRunsThatTakeTheSameLock() throws Exception {
        LedgerOperation onWeb = new LedgerOperation(staging.withService("web"), dir.resolve("web-ledger.txt"));
        LedgerOperation onWorker = new LedgerOperation(staging.withService("worker"), dir.resolve("worker-ledger.txt"));
        Files.createFile(onWeb.goFile());
        Files.createFile(onWorker.goFile());
        System.setProperty("ledger.failAt", "B");
        RunRecord failed = runToEnd(engine.runner.start(onWeb, engine.runner.plan(onWeb), Decision.yes(), RunListener.NONE));
        System.clearProperty("ledger.failAt");
        assertThat(failed.outcome()).isEqualTo(RunOutcome.FAILED);
        assertThat(failed.scope()).isEqualTo("web");

        RunRecord other = runToEnd(engine.runner.start(onWorker, engine.runner.plan(onWorker), Decision.yes(), RunListener.NONE));
        assertThat(other.outcome()).isEqualTo(RunOutcome.SUCCEEDED);

        LedgerOperation onWebAgain = new LedgerOperation(staging.withService("web"), dir.resolve("web-ledger.txt"));
        assertThatThrownBy(() -> engine.runner.start(onWebAgain, engine.runner.plan(onWebAgain), Decision.yes(), RunListener.NONE))
                .isInstanceOf(UnfinishedRunException.class).hasMessageContaining(failed.id());
    }

    @Test
    void startingOverAbandonsTheOldRunAndBeginsANewOne() throws Exception {
        Files.createFile(ledger.goFile());
        System.setProperty("ledger.failAt", "A");
        RunRecord failed = runToEnd(engine.runner.start(ledger, engine.runner.plan(ledger), Decision.yes(), RunListener.NONE));
        System.clearProperty("ledger.failAt");

        RunRecord abandoned = engine.runner.abandon(failed.id(), staging, "starting over with a fixed ledger");
        RunRecord fresh = runToEnd(engine.runner.start(ledger, engine.runner.plan(ledger), Decision.yes(), RunListener.NONE));

        assertThat(abandoned.outcome()).isEqualTo(RunOutcome.ABANDONED);
        assertThat(fresh.outcome()).isEqualTo(RunOutcome.SUCCEEDED);
        assertThat(fresh.id()).isNotEqualTo(failed.id());
        assertThat(engine.runner.store().summaries()).extracting(dev.capstan.ops.RunSummary::outcome)
                .containsExactlyInAnyOrder(RunOutcome.ABANDONED, RunOutcome.SUCCEEDED);
        assertThatThrownBy(() -> engine.runner.resume(failed.id(), staging, Decision.yes(), RunListener.NONE))
                .hasMessageContaining("ABANDONED");
    }

    @Test
    void productionNeedsItsNameTypedAndADeclineChangesNothing(MotoWorld moto) throws Exception {
        Environment production = EngineWorld.plainEnvironment("ledger-prod", moto.endpoint(), true, "ledger-locks");
        LedgerOperation onProduction = new LedgerOperation(production, dir.resolve("prod-ledger.txt"));
        Plan plan = engine.runner.plan(onProduction);
        assertThat(engine.runner.confirmationFor(onProduction, plan).typedNameRequired()).isTrue();

        assertThatThrownBy(() -> engine.runner.start(onProduction, plan, Decision.yes(), RunListener.NONE))
                .isInstanceOf(NotConfirmedException.class).hasMessageContaining("type its name, ledger-prod");
        assertThatThrownBy(() -> engine.runner.start(onProduction, plan, Decision.typing("ledger-staging"), RunListener.NONE))
                .isInstanceOf(NotConfirmedException.class);
        assertThatThrownBy(() -> engine.runner.start(onProduction, plan, Decision.no(), RunListener.NONE))
                .isInstanceOf(NotConfirmedException.class);
        assertThat(onProduction.entries()).isEmpty();
        assertThat(engine.runner.store().summaries()).isEmpty();

        Files.createFile(onProduction.goFile());
        RunRecord run = runToEnd(engine.runner.start(onProduction, plan, Decision.typing("ledger-prod"), RunListener.NONE));
        assertThat(run.outcome()).isEqualTo(RunOutcome.SUCCEEDED);
        assertThat(run.history()).anyMatch(line -> line.contains("typed the environment name"));
    }

    @Test
    void cancelStopsAtTheNextSafePointAndReleasesTheLock() throws Exception {
        RunHandle handle = engine.runner.start(ledger, engine.runner.plan(ledger), Decision.yes(), RunListener.NONE);
        waitFor(() -> ledger.entries().contains("B"));
        handle.cancel("the person pressed Cancel");
        RunRecord run = runToEnd(handle);

        assertThat(run.outcome()).isEqualTo(RunOutcome.CANCELLED);
        assertThat(run.steps().get(2).error()).isEqualTo("Cancelled: the person pressed Cancel");
        assertThat(ledger.entries()).containsExactly("A", "B");
        assertThat(engine.lock.status(dev.capstan.ops.lock.LockSpot.of(staging, engine.targets.of(staging)).orElseThrow())).isEmpty();
        assertThat(engine.runner.store().unfinished(staging.name(), LedgerOperation.TYPE)).isEmpty();
    }

    @Test
    void closingTheProcessUnderARunLeavesItInterruptedWithItsLockReleasedAndItResumes() throws Exception {
        RunHandle handle = engine.runner.start(ledger, engine.runner.plan(ledger), Decision.yes(), RunListener.NONE);
        waitFor(() -> ledger.entries().contains("B"));

        int stillRunning = engine.runner.stopLiveRuns("Capstan was closed during the run", java.time.Duration.ofMinutes(2));
        RunRecord stopped = engine.runner.store().read(handle.runId());

        assertThat(stillRunning).isZero();
        assertThat(stopped.outcome()).isEqualTo(RunOutcome.INTERRUPTED);
        assertThat(stopped.history()).anyMatch(line -> line.contains("stopped: Capstan was closed during the run (it can be resumed)"));
        assertThat(engine.lock.status(dev.capstan.ops.lock.LockSpot.of(staging, engine.targets.of(staging)).orElseThrow())).isEmpty();
        assertThat(engine.runner.store().unfinished(staging.name(), LedgerOperation.TYPE)).extracting(RunSummary::id).containsExactly(handle.runId());

        Files.createFile(ledger.goFile());
        RunRecord resumed = runToEnd(engine.runner.resume(handle.runId(), staging, Decision.yes(), RunListener.NONE));
        assertThat(resumed.outcome()).isEqualTo(RunOutcome.SUCCEEDED);
        assertThat(ledger.entries()).containsExactly("A", "B", "C");
    }

    @Test
    void aTornLastLineIsSkippedAndTheNextRecordStartsOnItsOwnLine() throws Exception {
        Files.createFile(ledger.goFile());
        System.setProperty("ledger.failAt", "C");
        RunRecord failed = runToEnd(engine.runner.start(ledger, engine.runner.plan(ledger), Decision.yes(), RunListener.NONE));
        System.clearProperty("ledger.failAt");
        Files.writeString(failed.file(), "{\"type\":\"log\",\"step\":\"append-C\",\"te", StandardOpenOption.APPEND);

        RunRecord torn = engine.runner.store().read(failed.id());
        assertThat(torn.tornLines()).isEqualTo(1);
        assertThat(torn.outcome()).isEqualTo(RunOutcome.FAILED);

        RunRecord resumed = runToEnd(engine.runner.resume(failed.id(), staging, Decision.yes(), RunListener.NONE));
        assertThat(resumed.outcome()).isEqualTo(RunOutcome.SUCCEEDED);
        assertThat(resumed.tornLines()).isEqualTo(1);
        assertThat(ledger.entries()).containsExactly("A", "B", "C");
    }

    static void waitFor(java.util.function.BooleanSupplier condition) throws InterruptedException {
        dev.capstan.testworld.Eventually.waitFor(condition);
    }
}
