package dev.capstan.ops;

import java.time.Clock;
import java.time.Duration;
import java.util.concurrent.ThreadLocalRandom;

/**
 * How long a run rides out AWS faults that a pause can mend (throttling, a fault on AWS's side, a dropped connection):
 * pauses that double from {@code first} up to {@code most}, each with jitter so that a team's consoles do not come back
 * in step, and a {@code budget} of retrying per step, measured by {@code clock}, after which the step fails as before
 * (resumably). A wait rides out failed looks until its own deadline instead.
 */
public record Patience(Duration first, Duration most, Duration budget, Clock clock) {
    public Patience {
        if (first.isNegative() || first.isZero() || most.compareTo(first) < 0 || budget.isNegative()) {
            throw new IllegalArgumentException("Patience needs 0 < first <= most and a budget of zero or more");
        }
    }

    /** As shipped: 1 s, doubling up to 20 s, for up to 2 minutes a step: a burst of throttling passes, an outage stops the run. */
    public static Patience standard(Clock clock) {
        return new Patience(Duration.ofSeconds(1), Duration.ofSeconds(20), Duration.ofMinutes(2), clock);
    }

    /** The pause before try number {@code failures + 1}, starting from {@code base}: half of it fixed, half drawn at random. */
    public Duration pauseAfter(int failures, Duration base) {
        Duration start = base.compareTo(first) < 0 ? first : base;
        Duration ceiling = start.compareTo(most) > 0 ? start : most;
        long millis = start.toMillis();
        for (int i = 1; i < failures && millis < ceiling.toMillis(); i++) {
            millis *= 2;
        }
        millis = Math.min(millis, ceiling.toMillis());
        long half = millis / 2;
        return Duration.ofMillis(half + ThreadLocalRandom.current().nextLong(half + 1));
    }

    /** A pause in words for the log: tenths of a second under ten seconds, as a wait's timeout above. */
    public static String inWords(Duration pause) {
        if (pause.compareTo(Duration.ofSeconds(10)) < 0) {
            return String.format(java.util.Locale.ROOT, "%.1f s", pause.toMillis() / 1000.0);
        }
        return Wait.human(pause);
    }
}
