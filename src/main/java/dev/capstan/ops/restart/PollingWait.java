package dev.capstan.ops.restart;

import dev.capstan.ops.StepContext;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.function.Supplier;

/**
 * The loop a restart's waits share: look, log what changed, stop when done, fail with what is still
 * pending when the time is up. The time is the injected clock's, so a test decides when a timeout has
 * passed; cancel ends the pause at once.
 */
final class PollingWait {
    /** One look's verdict: a line of counts, whether the wait is over, and what it still waits for. */
    record Look(String counts, boolean done, List<String> pending) {
    }

    private PollingWait() {
    }

    /** Returns the last look's counts once done; throws with the pending reasons when the timeout passes. */
    static String until(StepContext context, Clock clock, Duration timeout, Duration poll, String waitingFor, Supplier<Look> look) {
        Instant deadline = clock.instant().plus(timeout);
        String lastCounts = "";
        List<String> lastPending = List.of();
        while (true) {
            Look now = look.get();
            if (!now.counts().equals(lastCounts)) {
                context.log(now.counts());
                lastCounts = now.counts();
            }
            if (!now.pending().equals(lastPending)) {
                List<String> before = lastPending;
                now.pending().stream().filter(p -> !before.contains(p)).forEach(p -> context.log("waiting: " + p));
                lastPending = now.pending();
            }
            if (now.done()) {
                return now.counts();
            }
            if (clock.instant().isAfter(deadline)) {
                throw new IllegalStateException("After " + human(timeout) + " " + waitingFor + " still waits for: "
                        + String.join("; ", now.pending().isEmpty() ? List.of(now.counts()) : now.pending()) + ".");
            }
            context.pause(poll);
        }
    }

    static String human(Duration d) {
        return d.toMinutes() > 0 ? d.toMinutes() + " min" + (d.toSecondsPart() > 0 ? " " + d.toSecondsPart() + " s" : "") : d.toSeconds() + " s";
    }
}
