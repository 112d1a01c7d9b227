package dev.capstan.ops.restart;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.capstan.aws.DynamoHistoryTable;
import dev.capstan.aws.sandbox.EnvironmentSpec;
import dev.capstan.domain.Environment;
import dev.capstan.domain.ServiceTask;
import dev.capstan.ops.Decision;
import dev.capstan.ops.EngineWorld;
import dev.capstan.ops.RunListener;
import dev.capstan.ops.RunOutcome;
import dev.capstan.ops.RunRecord;
import dev.capstan.ops.RunSummary;
import dev.capstan.sandbox.SandboxDatabase;
import dev.capstan.testworld.Eventually;
import dev.capstan.testworld.ManualClock;
import dev.capstan.testworld.MotoExtension;
import dev.capstan.testworld.MotoWorld;
import dev.capstan.testworld.PostgresExtension;
import dev.capstan.testworld.SchedulerLoop;
import dev.capstan.testworld.TestEstate;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

/**
 * A restart on one person's console, killed half-way (SIGKILL's equal), is seen by a colleague's console (its own state folder)
 * through the team's history: running while the dead console's heartbeat is within its lease, interrupted after; resumed there,
 * from the mirrored journal, to the end state of an uninterrupted restart, with the colleague recorded as the one who resumed it.
 */
@ExtendWith({MotoExtension.class, PostgresExtension.class})
class RestartTakenOverTest {
    private static final String TABLE = "team-history-restart";
    @TempDir
    Path dir;

    @Test
    void aRestartKilledOnOneConsoleIsResumedOnAnotherFromTheTeamsHistory(MotoWorld moto, SandboxDatabase database) throws Exception {
        Environment environment = TestEstate.withHistoryTable(
                TestEstate.environment(moto, database, TestEstate.spec("handover").withLaunchType(EnvironmentSpec.EC2)), TABLE);
        new DynamoHistoryTable(moto.clients()).create(moto.target(), TABLE);
        ManualClock colleagueClock = new ManualClock(Instant.now());
        try (SchedulerLoop scheduler = SchedulerLoop.start(moto, environment.cluster());
             EngineWorld colleague = new EngineWorld(moto.clients(), moto.catalog(), dir.resolve("bob"), "bob@laptop-b",
                     () -> List.of(environment), colleagueClock)) {
            Eventually.waitFor(() -> running(colleague, environment).size() == 2);
            Set<String> old = RollingRestartTest.arns(running(colleague, environment));
            RollingRestart restart = colleague.restart.restart(environment, null, null, Duration.ofMinutes(1), true);

            Process child = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                    "-cp", System.getProperty("java.class.path"), RestartChild.class.getName(), dir.resolve("alice").toString(),
                    moto.awsConfig().toString(), moto.awsCredentials().toString(), new ObjectMapper().writeValueAsString(environment),
                    new ObjectMapper().writeValueAsString(restart.parameters()), "wait-new-tasks-healthy")
                    .redirectErrorStream(true).redirectOutput(dir.resolve("child.log").toFile()).start();
            assertThat(child.waitFor(2, TimeUnit.MINUTES)).isTrue();
            assertThat(child.exitValue()).as(Files.readString(dir.resolve("child.log"))).isEqualTo(137);

            RunSummary seen = colleague.runner.store().summaries(environment.name()).stream()
                    .filter(r -> r.operationType().equals(RollingRestart.TYPE)).findFirst().orElseThrow();
            assertThat(seen.console()).isEqualTo("child@test-host");
            assertThat(seen.outcome()).as("its console beat within a lease of the colleague's clock").isEqualTo(RunOutcome.RUNNING);
            assertThatThrownBy(() -> colleague.runner.resume(seen.id(), environment, Decision.yes(), RunListener.NONE))
                    .hasMessageContaining("is RUNNING");

            // A lease after the dead console's last heartbeat, which it wrote before this moment.
            colleagueClock.advance(Duration.between(colleagueClock.instant(), Instant.now()).plus(EngineWorld.LEASE).plusSeconds(1));
            RunRecord interrupted = colleague.runner.store().read(seen.id());
            assertThat(interrupted.outcome()).isEqualTo(RunOutcome.INTERRUPTED);
            assertThat(colleague.runner.store().unfinished(environment.name(), RollingRestart.TYPE)).extracting(RunSummary::id)
                    .containsExactly(seen.id());

            RunRecord resumed = colleague.runner.resume(seen.id(), environment, Decision.yes(), RunListener.NONE).finished().get(2, TimeUnit.MINUTES);

            assertThat(resumed.outcome()).as(resumed.error()).isEqualTo(RunOutcome.SUCCEEDED);
            assertThat(Set.copyOf(resumed.facts().get("oldTasks"))).isEqualTo(old);
            RollingRestartTest.assertEndState(moto, environment, old);
            assertThat(resumed.history()).anyMatch(line -> line.contains("started by child@test-host"))
                    .anyMatch(line -> line.contains("resumed by bob@laptop-b"));
            assertThat(colleague.history.drain(Duration.ofSeconds(30))).isTrue();
            assertThat(new DynamoHistoryTable(moto.clients()).header(moto.target(), TABLE, environment.name(), seen.id()).orElseThrow())
                    .satisfies(h -> assertThat(h.consoleName()).isEqualTo("bob@laptop-b"))
                    .satisfies(h -> assertThat(h.lines()).isEqualTo(colleague.runner.store().journalLines(seen.id()).size()));
        }
    }

    private static List<ServiceTask> running(EngineWorld engine, Environment environment) {
        return engine.ecs.serviceTaskDetails(engine.targets.of(environment), environment.cluster(), environment.service()).stream()
                .filter(ServiceTask::running).toList();
    }
}
