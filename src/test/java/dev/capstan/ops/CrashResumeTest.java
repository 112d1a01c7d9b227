package dev.capstan.ops;

import static org.assertj.core.api.Assertions.assertThat;

import dev.capstan.aws.sandbox.EstateSeeder;
import dev.capstan.domain.Environment;
import dev.capstan.domain.LockRecord;
import dev.capstan.ops.lock.LockSpot;
import dev.capstan.testworld.MotoExtension;
import dev.capstan.testworld.MotoWorld;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

/**
 * A run in a child JVM is killed with SIGKILL in the middle of a step, after the step's effect but
 * before the step was journaled done. The journal it leaves shows the run interrupted; resuming it
 * here reaches the same end state as a run that was never interrupted, and does nothing twice.
 */
@ExtendWith(MotoExtension.class)
class CrashResumeTest {
    @TempDir
    Path dir;

    @Test
    void aRunKilledMidStepIsResumedToTheSameEndStateAsAnUninterruptedRun(MotoWorld moto) throws Exception {
        new EstateSeeder(moto.clients(), moto.target()).lockTable("crash-locks");
        Path runs = dir.resolve("runs");
        Environment environment = EngineWorld.plainEnvironment("ledger-crash", moto.endpoint(), false, "crash-locks");
        try (EngineWorld engine = new EngineWorld(moto, runs)) {
            LedgerOperation uninterrupted = new LedgerOperation(environment, dir.resolve("uninterrupted.txt"));
            Files.createFile(uninterrupted.goFile());
            assertThat(engine.runner.start(uninterrupted, engine.runner.plan(uninterrupted), Decision.yes(), RunListener.NONE)
                    .finished().get(30, TimeUnit.SECONDS).outcome()).isEqualTo(RunOutcome.SUCCEEDED);

            Path ledgerFile = dir.resolve("crashed.txt");
            Process child = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                    "-cp", System.getProperty("java.class.path"), LedgerChild.class.getName(),
                    runs.toString(), ledgerFile.toString(), moto.awsConfig().toString(), moto.awsCredentials().toString(),
                    moto.endpoint(), "crash-locks")
                    .redirectErrorStream(true).redirectOutput(dir.resolve("child.log").toFile()).start();
            LedgerOperation crashed = new LedgerOperation(environment, ledgerFile);
            RunnerTest.waitFor(() -> crashed.entries().contains("B") && journalMentions(runs, "Appended entry B"));
            child.destroyForcibly();
            assertThat(child.waitFor(20, TimeUnit.SECONDS)).isTrue();
            assertThat(child.exitValue()).as("killed by SIGKILL").isEqualTo(137);

            RunRecord interrupted = engine.runner.store().read(engine.runner.store().unfinished(environment.name(), LedgerOperation.TYPE).get(0).id());
            assertThat(interrupted.outcome()).isEqualTo(RunOutcome.INTERRUPTED);
            assertThat(interrupted.osUser()).isEqualTo("child@test-host");
            assertThat(interrupted.nextStep().orElseThrow().state()).isEqualTo(StepRecord.State.RUNNING);
            assertThat(interrupted.nextStep().orElseThrow().planned().id()).isEqualTo("append-B");
            LockSpot spot = LockSpot.of(environment, engine.targets.of(environment)).orElseThrow();
            assertThat(engine.lock.status(spot)).map(LockRecord::runId).contains(interrupted.id());

            Files.createFile(crashed.goFile());
            List<String> notes = new java.util.concurrent.CopyOnWriteArrayList<>();
            RunListener noting = new RunListener() {
                @Override
                public void note(String line) {
                    notes.add(line);
                }
            };
            RunRecord resumed = engine.runner.resume(interrupted.id(), environment, Decision.yes(), noting)
                    .finished().get(30, TimeUnit.SECONDS);

            assertThat(resumed.outcome()).as(resumed.error()).isEqualTo(RunOutcome.SUCCEEDED);
            assertThat(notes).as("its own lock is taken back without a lease's watch").noneMatch(n -> n.contains("watching it for"));
            assertThat(crashed.entries()).isEqualTo(uninterrupted.entries()).isEqualTo(List.of("A", "B", "C"));
            assertThat(resumed.steps()).extracting(StepRecord::state).containsOnly(StepRecord.State.DONE);
            assertThat(resumed.steps().get(2).summary()).isEqualTo("Entry B was already there");
            assertThat(engine.lock.status(spot)).isEmpty();
        }
    }

    private static boolean journalMentions(Path runs, String text) {
        try (var files = Files.list(runs)) {
            for (Path file : files.filter(f -> f.toString().endsWith(".jsonl")).toList()) {
                if (Files.readString(file).contains(text)) {
                    return true;
                }
            }
            return false;
        } catch (java.io.IOException e) {
            return false;
        }
    }
}
