package dev.capstan.ops.history;

import java.time.Duration;

/**
 * How the team's history keeps time.
 *
 * @param heartbeat how often a console says it still runs its runs (one header write per live run)
 * @param lease     how long after its last heartbeat a console's run reads as interrupted, and may be resumed elsewhere
 * @param refresh   how long a listing of the team's runs is reused before the table is read again
 * @param settle    how long the mirror lets records gather before it sends them, and the first of its retry pauses
 */
public record HistoryTimings(Duration heartbeat, Duration lease, Duration refresh, Duration settle) {
    public HistoryTimings {
        if (heartbeat.multipliedBy(2).compareTo(lease) > 0) {
            throw new IllegalArgumentException("the heartbeat period must be at most half the lease, so one late beat does not read as a dead console");
        }
    }

    /**
     * A heartbeat every 30 s and a two-minute lease: about 120 writes an hour for each run in progress, and records reach the
     * team within about two seconds.
     */
    public static HistoryTimings standard() {
        return new HistoryTimings(Duration.ofSeconds(30), Duration.ofMinutes(2), Duration.ofSeconds(10), Duration.ofSeconds(2));
    }

    /** The longest pause between two retries of a mirror that cannot reach its table. */
    Duration longestRetryPause() {
        return heartbeat.multipliedBy(2);
    }
}
