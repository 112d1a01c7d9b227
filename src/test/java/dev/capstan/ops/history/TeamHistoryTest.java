package dev.capstan.ops.history;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.capstan.aws.DynamoHistoryTable;
import dev.capstan.domain.DeploySettings;
import dev.capstan.domain.Environment;
import dev.capstan.ops.Decision;
import dev.capstan.ops.EngineWorld;
import dev.capstan.ops.LedgerOperation;
import dev.capstan.ops.Operation;
import dev.capstan.ops.RunListener;
import dev.capstan.ops.RunOutcome;
import dev.capstan.ops.RunRecord;
import dev.capstan.ops.RunReport;
import dev.capstan.ops.RunSummary;
import dev.capstan.sandbox.SandboxDatabase;
import dev.capstan.testworld.MotoExtension;
import dev.capstan.testworld.MotoWorld;
import dev.capstan.testworld.PostgresExtension;
import dev.capstan.testworld.SchedulerLoop;
import dev.capstan.testworld.TestEstate;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.ZoneOffset;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

/**
 * Two consoles (two people's machines: separate state folders) against one AWS: what one runs, the other lists, exports, and
 * reads for "deployed by" and the promotion gate; and a team table that fails for a while costs the runs nothing, and gets
 * every record once and in order when it answers again.
 */
@ExtendWith({MotoExtension.class, PostgresExtension.class})
class TeamHistoryTest {
    @TempDir
    Path dir;

    private EngineWorld console(MotoWorld moto, String folder, String operator, List<Environment> environments) {
        return new EngineWorld(moto.clients(), moto.catalog(), dir.resolve(folder), operator, () -> environments, Clock.systemUTC());
    }

    private static RunRecord run(EngineWorld console, Operation operation) throws Exception {
        return console.runner.start(operation, console.runner.plan(operation), Decision.yes(), RunListener.NONE).finished().get(2, TimeUnit.MINUTES);
    }

    /** An environment with only files to change (no lock table), sharing its runs in a new history table. */
    private static Environment sharedLedgers(MotoWorld moto, String name, String table) {
        new DynamoHistoryTable(moto.clients()).create(moto.target(), table);
        return TestEstate.withHistoryTable(EngineWorld.plainEnvironment(name, moto.endpoint(), false, null), table);
    }

    @Test
    void aColleaguesConsoleListsExportsAndGatesOnTheRunsOfThisOne(MotoWorld moto, SandboxDatabase database) throws Exception {
        String table = "team-history-deploys";
        Environment staging = TestEstate.withHistoryTable(TestEstate.environment(moto, database, TestEstate.spec("teamstage")), table);
        Environment production = TestEstate.withHistoryTable(TestEstate.withDeploy(TestEstate.environment(moto, database, TestEstate.spec("teamprod")),
                new DeploySettings(staging.name(), List.of(), List.of())), table);
        List<Environment> workspace = List.of(staging, production);
        try (SchedulerLoop stagingScheduler = SchedulerLoop.start(moto, staging.cluster());
             SchedulerLoop productionScheduler = SchedulerLoop.start(moto, production.cluster());
             EngineWorld alice = console(moto, "alice", "alice@laptop-a", workspace);
             EngineWorld bob = console(moto, "bob", "bob@laptop-b", workspace)) {
            assertThat(alice.history.status(staging).tableExists()).isFalse();
            alice.history.createTable(staging);

            RunRecord staged = run(alice, alice.deploys.deploy(staging, "c0ffee1", Duration.ofMinutes(1)));
            assertThat(staged.outcome()).as(staged.error()).isEqualTo(RunOutcome.SUCCEEDED);
            assertThat(alice.history.drain(Duration.ofSeconds(30))).isTrue();

            RunSummary listed = bob.runner.store().summaries(staging.name()).stream().filter(r -> r.id().equals(staged.id())).findFirst().orElseThrow();
            assertThat(listed.console()).isEqualTo("alice@laptop-a");
            assertThat(listed.osUser()).isEqualTo("alice@laptop-a");
            assertThat(listed.outcome()).isEqualTo(RunOutcome.SUCCEEDED);
            RunRecord exported = bob.runner.store().read(staged.id());
            assertThat(exported.steps()).hasSameSizeAs(staged.steps());
            assertThat(new RunReport(ZoneOffset.UTC).markdown(exported)).contains(staged.title()).contains("alice@laptop-a");
            assertThat(RunReport.json(exported)).contains(staged.id());
            assertThat(bob.rolling.history().deploys(staging.name())).singleElement()
                    .satisfies(d -> assertThat(d.who()).isEqualTo("alice@laptop-a"));

            assertThatThrownBy(() -> bob.deploys.deploy(production, "neverstaged", Duration.ofMinutes(1)))
                    .hasMessageContaining("has not been deployed to " + staging.name());
            String image = staged.parameters().get("image");
            RunRecord promoted = run(bob, bob.deploys.deploy(production, image, Duration.ofMinutes(1)));
            assertThat(promoted.outcome()).as(promoted.error()).isEqualTo(RunOutcome.SUCCEEDED);

            assertThat(bob.history.drain(Duration.ofSeconds(30))).isTrue();
            assertThat(alice.runner.store().summaries(production.name())).extracting(RunSummary::id, RunSummary::console)
                    .contains(org.assertj.core.groups.Tuple.tuple(promoted.id(), "bob@laptop-b"));
            assertThat(alice.runner.store().summaries(staging.name())).filteredOn(r -> r.id().equals(staged.id()))
                    .singleElement().satisfies(r -> assertThat(r.elsewhere()).as("alice's own run is hers, not a copy").isFalse());
        }
    }

    @Test
    void aFailingTableNeverStopsARunAndGetsEveryRecordOnceAndInOrderWhenItAnswers(MotoWorld moto) throws Exception {
        String table = "team-history-faults";
        Environment env = sharedLedgers(moto, "ledgers", table);
        try (EngineWorld alice = console(moto, "alice", "alice@laptop-a", List.of(env));
             EngineWorld bob = console(moto, "bob", "bob@laptop-b", List.of(env))) {
            moto.faults().failWith("PutItem", "ServiceUnavailable", 503, 100_000);
            moto.faults().failWith("GetItem", "ServiceUnavailable", 503, 100_000);
            LedgerOperation first = new LedgerOperation(env, dir.resolve("first.txt"));
            LedgerOperation second = new LedgerOperation(env, dir.resolve("second.txt"));
            Files.createFile(first.goFile());
            Files.createFile(second.goFile());

            RunRecord one = run(alice, first);
            RunRecord two = run(alice, second);

            assertThat(List.of(one.outcome(), two.outcome())).containsOnly(RunOutcome.SUCCEEDED);
            assertThat(alice.history.drain(Duration.ofSeconds(5))).as("nothing reaches a table that fails").isFalse();
            HistoryStatus waiting = alice.history.status(env);
            assertThat(waiting.waiting()).extracting(HistoryStatus.Waiting::runId).containsExactlyInAnyOrder(one.id(), two.id());
            assertThat(waiting.sentence()).contains("still to send").contains("last problem");
            assertThat(bob.runner.store().summaries(env.name())).isEmpty();

            moto.faults().clear();
            assertThat(alice.history.drain(Duration.ofSeconds(30))).isTrue();

            DynamoHistoryTable shared = new DynamoHistoryTable(moto.clients());
            for (RunRecord run : List.of(one, two)) {
                List<String> journal = alice.runner.store().journalLines(run.id());
                var header = shared.header(moto.target(), table, env.name(), run.id()).orElseThrow();
                assertThat(header.lines()).isEqualTo(journal.size());
                assertThat(shared.lines(moto.target(), table, env.name(), run.id(), header.lines()))
                        .as("every record of the journal, once, in its order").containsExactlyElementsOf(journal);
            }
            assertThat(alice.history.status(env).waiting()).isEmpty();
            assertThat(bob.runner.store().summaries(env.name())).extracting(RunSummary::id, RunSummary::outcome)
                    .containsExactlyInAnyOrder(org.assertj.core.groups.Tuple.tuple(one.id(), RunOutcome.SUCCEEDED),
                            org.assertj.core.groups.Tuple.tuple(two.id(), RunOutcome.SUCCEEDED));
        }
    }

    @Test
    void aRunGoingOnElsewhereReadsAsRunningWithWhoseConsoleItIs(MotoWorld moto) throws Exception {
        Environment env = sharedLedgers(moto, "liveledger", "team-history-live");
        try (EngineWorld alice = console(moto, "alice", "alice@laptop-a", List.of(env));
             EngineWorld bob = console(moto, "bob", "bob@laptop-b", List.of(env))) {
            LedgerOperation waitingForGo = new LedgerOperation(env, dir.resolve("live.txt"));
            var handle = alice.runner.start(waitingForGo, alice.runner.plan(waitingForGo), Decision.yes(), RunListener.NONE);
            dev.capstan.testworld.Eventually.waitFor(() -> waitingForGo.entries().contains("B"));
            assertThat(alice.history.drain(Duration.ofSeconds(30))).isTrue();

            RunSummary seen = bob.runner.store().summaries(env.name()).get(0);
            assertThat(seen.outcome()).isEqualTo(RunOutcome.RUNNING);
            assertThat(seen.console()).isEqualTo("alice@laptop-a");
            assertThatThrownBy(() -> bob.runner.abandon(seen.id(), env, "mine now")).hasMessageContaining("running right now");

            Files.createFile(waitingForGo.goFile());
            assertThat(handle.finished().get(1, TimeUnit.MINUTES).outcome()).isEqualTo(RunOutcome.SUCCEEDED);
            assertThat(alice.history.drain(Duration.ofSeconds(30))).isTrue();
            assertThat(bob.runner.store().read(seen.id()).outcome()).isEqualTo(RunOutcome.SUCCEEDED);
        }
    }
}
