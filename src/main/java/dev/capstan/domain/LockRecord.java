package dev.capstan.domain;

import java.time.Instant;

/**
 * A deploy lock as it is stored. {@code version} changes with every heartbeat; a watcher that sees it
 * unchanged for a whole lease knows the holder is gone, whatever the clocks of the two machines say.
 *
 * @param key         which (application, environment) the lock guards
 * @param owner       who holds it: OS user and host
 * @param runId       the run that holds it
 * @param operation   what the run does, in words
 * @param acquiredAt  when it was taken (the holder's clock, for people to read)
 * @param heartbeatAt when the holder last renewed it (its clock, for people to read)
 * @param version     a random value replaced by every heartbeat
 * @param leaseMillis how long a watcher waits without seeing a new version before it may take the lock over
 */
public record LockRecord(String key, String owner, String runId, String operation, Instant acquiredAt, Instant heartbeatAt,
                         String version, long leaseMillis) {
    public LockRecord renewed(String nextVersion, Instant now) {
        return new LockRecord(key, owner, runId, operation, acquiredAt, now, nextVersion, leaseMillis);
    }
}
