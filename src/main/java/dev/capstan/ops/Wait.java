package dev.capstan.ops;

import dev.capstan.aws.AwsProblem;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.function.Function;
import java.util.function.Supplier;

/**
 * What a step waits for, declared once and run by {@link StepContext#waitUntil}: look, log what changed,
 * stop when the look says done, and when the time is up fail with what is still pending. Time is the given
 * clock's (a test's moves only when the test says so); between looks the run pauses, so cancel ends a wait at once.
 * A look that AWS refuses for a reason a pause can mend (throttling, a fault on its side, a dropped connection) does
 * not end the wait: it looks again after a growing pause, says so, and gives up only at the wait's own deadline. A
 * refusal a person must mend (access denied, a missing service) ends it at once with its sentence.
 *
 * <pre>
 * String counts = context.waitUntil(Wait.forThe("the restart").atMost(timeout).every(poll).measuredBy(clock)
 *         .looking(() -> Look.notYet("running 1 of 2", List.of("task 3f2a… not started yet"))));
 * </pre>
 *
 * @param <T> what the last look found, returned once it says done
 */
public final class Wait<T> {
    /** One look's verdict: what it found, a line of counts for the log, whether the wait is over, and what it still waits for. */
    public record Look<T>(T found, String line, boolean done, List<String> pending) {
        public Look {
            pending = List.copyOf(pending);
        }

        public static <T> Look<T> done(T found, String line) {
            return new Look<>(found, line, true, List.of());
        }

        public static <T> Look<T> notYet(T found, String line, List<String> pending) {
            return new Look<>(found, line, false, pending);
        }
    }

    private final String waitingFor;
    private Duration timeout;
    private Duration every;
    private Clock clock;
    private Supplier<Look<T>> look;
    private Function<Look<T>, String> timedOut;

    private Wait(String waitingFor) {
        this.waitingFor = waitingFor;
    }

    /** @param waitingFor what the wait is part of, as in "After 30 min the restart still waits for: …" */
    public static <T> Wait<T> forThe(String waitingFor) {
        return new Wait<>(waitingFor);
    }

    public Wait<T> atMost(Duration timeout) {
        this.timeout = timeout;
        return this;
    }

    public Wait<T> every(Duration every) {
        this.every = every;
        return this;
    }

    public Wait<T> measuredBy(Clock clock) {
        this.clock = clock;
        return this;
    }

    public Wait<T> looking(Supplier<Look<T>> look) {
        this.look = look;
        return this;
    }

    /** The sentence a timeout fails with, from the last look; by default "After … still waits for: …". */
    public Wait<T> orFail(Function<Look<T>, String> timedOut) {
        this.timedOut = timedOut;
        return this;
    }

    /** Looks until done; throws {@link IllegalStateException} with the timeout's sentence, or {@link RunCancelledException} on cancel. */
    T run(StepContext context) {
        Objects.requireNonNull(look, "what to look at");
        Instant deadline = clock.instant().plus(timeout);
        String lastLine = null;
        List<String> lastPending = List.of();
        int failedLooks = 0;
        while (true) {
            Look<T> now;
            try {
                now = look.get();
                failedLooks = 0;
            } catch (RuntimeException failure) {
                String fault = AwsProblem.passingFaultOf(failure).orElseThrow(() -> failure);
                if (clock.instant().isAfter(deadline)) {
                    throw new IllegalStateException("After " + human(timeout) + " " + waitingFor + " could still not look: "
                            + failure.getMessage(), failure);
                }
                Duration pause = context.patience().pauseAfter(++failedLooks, every);
                context.log(capitalised(fault) + "; next look in " + Patience.inWords(pause));
                context.pause(pause);
                continue;
            }
            if (now.line() != null && !now.line().equals(lastLine)) {
                context.log(now.line());
                lastLine = now.line();
            }
            if (!now.pending().equals(lastPending)) {
                List<String> before = lastPending;
                now.pending().stream().filter(p -> !before.contains(p)).forEach(p -> context.log("waiting: " + p));
                lastPending = now.pending();
            }
            if (now.done()) {
                return now.found();
            }
            if (clock.instant().isAfter(deadline)) {
                throw new IllegalStateException(timedOut != null ? timedOut.apply(now) : "After " + human(timeout) + " " + waitingFor
                        + " still waits for: " + String.join("; ", now.pending().isEmpty() ? List.of(String.valueOf(now.line())) : now.pending()) + ".");
            }
            context.pause(every);
        }
    }

    static String capitalised(String sentence) {
        return sentence.isEmpty() ? sentence : Character.toUpperCase(sentence.charAt(0)) + sentence.substring(1);
    }

    public static String human(Duration d) {
        return d.toMinutes() > 0 ? d.toMinutes() + " min" + (d.toSecondsPart() > 0 ? " " + d.toSecondsPart() + " s" : "") : d.toSeconds() + " s";
    }
}
