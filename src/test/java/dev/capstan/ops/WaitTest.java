package dev.capstan.ops;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.capstan.testworld.ManualClock;
import dev.capstan.testworld.RecordingStepContext;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;
import org.junit.jupiter.api.Test;

/** The one waiting primitive, on a manual clock: what it logs, when it ends, how it fails, and cancel. */
class WaitTest {
    private final ManualClock clock = new ManualClock(Instant.parse("2026-12-06T03:00:00Z"));
    private final RecordingStepContext context = new RecordingStepContext();

    /** Looks that come in the order given; each look moves the clock by a minute, as a slow estate would. */
    private Supplier<Wait.Look<String>> looks(List<Wait.Look<String>> answers) {
        Deque<Wait.Look<String>> queue = new ArrayDeque<>(answers);
        return () -> {
            Wait.Look<String> next = queue.size() > 1 ? queue.removeFirst() : queue.getFirst();
            clock.advance(Duration.ofMinutes(1));
            return next;
        };
    }

    private Wait<String> wait(Supplier<Wait.Look<String>> look) {
        return Wait.<String>forThe("the test").atMost(Duration.ofMinutes(5)).every(Duration.ofMillis(1)).measuredBy(clock).looking(look);
    }

    @Test
    void itLogsWhatChangedAndReturnsWhatTheLookThatSaidDoneFound() {
        String found = context.waitUntil(wait(looks(List.of(
                Wait.Look.notYet("1 of 2", "running 1 of 2", List.of("task b not started yet")),
                Wait.Look.notYet("1 of 2", "running 1 of 2", List.of("task b not started yet")),
                Wait.Look.done("2 of 2", "running 2 of 2")))));

        assertThat(found).isEqualTo("2 of 2");
        assertThat(context.lines()).containsExactly("running 1 of 2", "waiting: task b not started yet", "running 2 of 2");
    }

    @Test
    void atItsDeadlineItFailsWithWhatItStillWaitsFor() {
        assertThatThrownBy(() -> context.waitUntil(wait(looks(List.of(Wait.Look.notYet("1 of 2", "running 1 of 2",
                List.of("target 10.0.1.12:3000 unhealthy")))))))
                .hasMessage("After 5 min the test still waits for: target 10.0.1.12:3000 unhealthy.");
        assertThat(clock.instant()).isEqualTo(Instant.parse("2026-12-06T03:06:00Z"));

        assertThatThrownBy(() -> context.waitUntil(wait(looks(List.of(Wait.Look.notYet("1 of 2", "running 1 of 2", List.of()))))
                .orFail(last -> "Still " + last.found() + "; look at the service's events.")))
                .hasMessage("Still 1 of 2; look at the service's events.");
    }

    private static dev.capstan.aws.AwsProblem throttled() {
        return new dev.capstan.aws.AwsProblem("AWS is throttling calls to describe service web; wait a moment and try again.", null,
                "AWS throttled DescribeServices");
    }

    @Test
    void aLookThatAwsThrottlesIsTriedAgainAndSaidSo() {
        Deque<Supplier<Wait.Look<String>>> looks = new ArrayDeque<>(List.of(
                () -> { throw throttled(); },
                () -> { throw throttled(); },
                () -> Wait.Look.done("2 of 2", "running 2 of 2")));

        String found = context.waitUntil(wait(() -> looks.removeFirst().get()));

        assertThat(found).isEqualTo("2 of 2");
        assertThat(context.lines()).hasSize(3).last().isEqualTo("running 2 of 2");
        assertThat(context.lines().get(0)).matches("AWS throttled DescribeServices; next look in \\d+\\.\\d s");
    }

    @Test
    void aRefusalAPersonMustMendEndsTheWaitAtOnceAndAFaultThatGoesOnEndsItAtItsDeadline() {
        dev.capstan.aws.AwsProblem denied = new dev.capstan.aws.AwsProblem("Profile ops may not describe service web: denied", null);
        assertThatThrownBy(() -> context.waitUntil(wait(() -> { throw denied; }))).isSameAs(denied);
        assertThat(context.lines()).isEmpty();

        assertThatThrownBy(() -> context.waitUntil(wait(() -> {
            clock.advance(Duration.ofMinutes(2));
            throw throttled();
        }))).hasMessage("After 5 min the test could still not look: AWS is throttling calls to describe service web; wait a moment and try again.");
        assertThat(context.lines()).hasSize(2).allMatch(line -> line.startsWith("AWS throttled DescribeServices; next look in "));
    }

    @Test
    void cancelEndsAWaitAtOnce() throws Exception {
        CompletableFuture<String> waiting = CompletableFuture.supplyAsync(() -> context.waitUntil(Wait.<String>forThe("the test")
                .atMost(Duration.ofDays(1)).every(Duration.ofDays(1)).measuredBy(clock)
                .looking(() -> Wait.Look.notYet("", "looked", List.of()))));
        dev.capstan.testworld.Eventually.waitFor(() -> context.lines().contains("looked"));

        context.cancel();

        assertThatThrownBy(() -> waiting.get(2, TimeUnit.MINUTES)).hasCauseInstanceOf(RunCancelledException.class);
    }
}
