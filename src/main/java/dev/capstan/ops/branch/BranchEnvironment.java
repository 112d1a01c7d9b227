package dev.capstan.ops.branch;

import java.time.Duration;
import java.time.Instant;

/** One branch environment as the list shows it: who made it, when it goes, where it is reached and how its tasks are. */
public record BranchEnvironment(String name, String service, String owner, Instant createdAt, Instant expiresAt, String url, int desiredCount,
                                int runningCount, int healthyTargets, int targets) {
    public boolean expired(Instant now) {
        return expiresAt != null && !now.isBefore(expiresAt);
    }

    /** What is left of its time to live; zero once expired, null when it was made with none. */
    public Duration timeLeft(Instant now) {
        return expiresAt == null ? null : expired(now) ? Duration.ZERO : Duration.between(now, expiresAt);
    }

    public Duration age(Instant now) {
        return createdAt == null ? null : Duration.between(createdAt, now);
    }

    /** "1 of 1 running, 1 of 1 targets healthy" */
    public String health() {
        return runningCount + " of " + desiredCount + " running, " + healthyTargets + " of " + targets + " targets healthy";
    }
}
