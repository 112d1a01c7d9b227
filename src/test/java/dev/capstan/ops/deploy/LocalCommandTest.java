package dev.capstan.ops.deploy;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.capstan.ops.RunCancelledException;
import dev.capstan.testworld.Eventually;
import dev.capstan.testworld.ManualClock;
import dev.capstan.testworld.RecordingStepContext;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/**
 * Pre- and post-deploy commands on this machine: output logged line by line, a failing exit stops the deploy,
 * and a command that hangs without a word is stopped by its timeout or by cancel, with everything it started.
 */
class LocalCommandTest {
    /** Starts a child that would sleep ten minutes, says its process id, and waits for it: a hung deploy hook. */
    private static final String HANGS = "sleep 600 & echo child $!; wait";
    private final ManualClock clock = new ManualClock(Instant.parse("2026-12-06T03:00:00Z"));
    private final RecordingStepContext context = new RecordingStepContext();

    private LocalCommand command(String... lines) {
        return new LocalCommand("pre-deploy", List.of(lines), Map.of("env", "staging", "image", "b7c8d9e"), Duration.ofMinutes(1), clock);
    }

    @Test
    void eachLineOfOutputIsLoggedAndTheValuesAreFilledIn() throws Exception {
        String said = command("echo deploying {image} to {env}; echo second line").run(context);

        assertThat(said).isEqualTo("The command exited 0");
        assertThat(context.lines()).containsSubsequence("$ echo deploying 'b7c8d9e' to 'staging'; echo second line",
                "deploying b7c8d9e to staging", "second line");
    }

    @Test
    void aValueIsNeverReadByTheShellAsCode(@org.junit.jupiter.api.io.TempDir java.nio.file.Path dir) throws Exception {
        java.nio.file.Path pwned = dir.resolve("pwned");
        String hostile = "b7c8d9f;touch " + pwned + " $(touch " + pwned + ") `touch " + pwned + "` 'x' \"y\"";
        LocalCommand deploy = new LocalCommand("pre-deploy", List.of("echo deploying {image}", "echo \"$CAPSTAN_IMAGE\" on $CAPSTAN_ENV"),
                Map.of("env", "staging", "image", hostile), Duration.ofMinutes(1), clock);

        deploy.run(context);

        assertThat(pwned).doesNotExist();
        assertThat(context.lines()).contains("deploying " + hostile, hostile + " on staging");
    }

    @Test
    void aFailingCommandStopsTheDeployWithItsExitCode() {
        assertThatThrownBy(() -> command("echo checking; exit 3", "echo never").run(context))
                .hasMessageContaining("exited 3; the deploy stops here");
        assertThat(context.lines()).contains("checking").doesNotContain("never");
    }

    @Test
    void aSilentCommandThatHangsIsStoppedAtItsTimeoutWithWhatItStarted() throws Exception {
        CompletableFuture<String> step = CompletableFuture.supplyAsync(() -> runQuietly(command(HANGS)));
        ProcessHandle child = childOnceStarted();

        clock.advance(Duration.ofMinutes(1));

        assertThatThrownBy(() -> step.get(2, TimeUnit.MINUTES)).isInstanceOf(ExecutionException.class)
                .hasMessageContaining("did not finish within 1 min; it was stopped");
        assertThat(child.onExit().get(2, TimeUnit.MINUTES).isAlive()).isFalse();
    }

    @Test
    void cancellingTheRunStopsAHungCommandAndWhatItStarted() throws Exception {
        CompletableFuture<String> step = CompletableFuture.supplyAsync(() -> runQuietly(command(HANGS)));
        ProcessHandle child = childOnceStarted();

        context.cancel();

        assertThatThrownBy(() -> step.get(2, TimeUnit.MINUTES)).hasCauseInstanceOf(RunCancelledException.class);
        assertThat(child.onExit().get(2, TimeUnit.MINUTES).isAlive()).isFalse();
    }

    /** The sleeping child, once the command has said its id: the output reached the log while the command still runs. */
    private ProcessHandle childOnceStarted() throws InterruptedException {
        Eventually.waitFor(() -> context.lines().stream().anyMatch(l -> l.startsWith("child ")));
        long pid = Long.parseLong(context.lines().stream().filter(l -> l.startsWith("child ")).findFirst().orElseThrow().substring(6).trim());
        ProcessHandle child = ProcessHandle.of(pid).orElseThrow();
        assertThat(child.isAlive()).isTrue();
        return child;
    }

    private String runQuietly(LocalCommand step) {
        try {
            return step.run(context);
        } catch (RuntimeException e) {
            throw e;
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }
}
