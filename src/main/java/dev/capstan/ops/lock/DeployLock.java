package dev.capstan.ops.lock;

import dev.capstan.aws.LockTable;
import dev.capstan.domain.LockRecord;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;

/**
 * The deploy lock, with the semantics of cirello-io/dynamolock, which task-set deploy tools use: no expiry times are
 * compared, so clock skew between machines does not matter. A lock is acquired with a conditional
 * write and kept alive by heartbeats; a contender that finds it held watches the stored version for one
 * whole lease and takes the lock over only if no heartbeat changed it in that time.
 */
public final class DeployLock {
    /** How the caller waits: its own cancellable sleep, so a person can stop a long watch. */
    public interface Sleeper {
        void sleep(Duration duration);
    }

    private final LockTable table;
    private final ScheduledExecutorService scheduler;
    private final Clock clock;
    private final Duration lease;
    private final Duration heartbeat;

    public DeployLock(LockTable table, ScheduledExecutorService scheduler, Clock clock, Duration lease, Duration heartbeat) {
        if (heartbeat.multipliedBy(2).compareTo(lease) > 0) {
            throw new IllegalArgumentException("the heartbeat period must be at most half the lease, so one late beat does not lose the lock");
        }
        this.table = table;
        this.scheduler = scheduler;
        this.clock = clock;
        this.lease = lease;
        this.heartbeat = heartbeat;
    }

    public static DeployLock standard(LockTable table, ScheduledExecutorService scheduler, Clock clock) {
        return new DeployLock(table, scheduler, clock, Duration.ofSeconds(30), Duration.ofSeconds(5));
    }

    public Duration lease() {
        return lease;
    }

    public Optional<LockRecord> status(LockSpot spot) {
        return table.read(spot.target(), spot.table(), spot.key());
    }

    public boolean tableExists(LockSpot spot) {
        return table.exists(spot.target(), spot.table());
    }

    public void createTable(LockSpot spot) {
        table.create(spot.target(), spot.table());
    }

    /**
     * Takes the lock for a run. A lock already held by the same run (a resumed run whose process died)
     * is taken back at once. Otherwise a held lock is watched for one lease: if its version changes the
     * holder is alive and {@link LockBusyException} says who it is; if it does not, the lock is taken over.
     */
    public LockLease acquire(LockSpot spot, String owner, String runId, String operation, Sleeper sleeper, Consumer<String> progress) {
        return acquire(spot, owner, runId, operation, sleeper, progress, true);
    }

    /**
     * As {@link #acquire}, for a run resumed here that another console left: a lock held in the run's own name may be that
     * console's still, so it is watched for one lease like anyone else's before it is taken over.
     */
    public LockLease acquireFromAnotherConsole(LockSpot spot, String owner, String runId, String operation, Sleeper sleeper, Consumer<String> progress) {
        return acquire(spot, owner, runId, operation, sleeper, progress, false);
    }

    private LockLease acquire(LockSpot spot, String owner, String runId, String operation, Sleeper sleeper, Consumer<String> progress,
                              boolean sameRunIsOurs) {
        if (!table.exists(spot.target(), spot.table())) {
            throw new LockTableMissingException(spot);
        }
        for (int attempt = 0; attempt < 3; attempt++) {
            Instant now = clock.instant();
            LockRecord mine = new LockRecord(spot.key(), owner, runId, operation, now, now, UUID.randomUUID().toString(), lease.toMillis());
            if (table.putIfAbsent(spot.target(), spot.table(), mine)) {
                return started(spot, mine, false);
            }
            Optional<LockRecord> held = status(spot);
            if (held.isEmpty()) {
                continue;
            }
            LockRecord holder = held.get();
            if (sameRunIsOurs && holder.runId().equals(runId)) {
                LockRecord back = new LockRecord(spot.key(), owner, runId, operation, holder.acquiredAt(), now, mine.version(), lease.toMillis());
                if (table.replaceIf(spot.target(), spot.table(), back, holder.version())) {
                    return started(spot, back, false);
                }
                continue;
            }
            Duration watch = holder.leaseMillis() > 0 ? Duration.ofMillis(Math.max(holder.leaseMillis(), lease.toMillis())) : lease;
            progress.accept("The deploy lock is held by " + holder.owner() + " for run " + holder.runId() + " since " + holder.acquiredAt()
                    + "; watching it for " + watch.toSeconds() + " s for heartbeats before taking it over.");
            if (unchangedFor(spot, holder, watch, sleeper)) {
                if (table.replaceIf(spot.target(), spot.table(), mine, holder.version())) {
                    progress.accept("No heartbeat for a whole lease: took the lock over from run " + holder.runId() + ".");
                    return started(spot, mine, true);
                }
            }
        }
        throw status(spot).map(LockBusyException::new).orElseGet(() -> new LockBusyException(
                new LockRecord(spot.key(), "someone", "?", "?", Instant.EPOCH, Instant.EPOCH, "", lease.toMillis())));
    }

    /** Watches the stored version; throws {@link LockBusyException} as soon as a heartbeat changes it. */
    private boolean unchangedFor(LockSpot spot, LockRecord holder, Duration watch, Sleeper sleeper) {
        // Measured on the injected clock, which the sleeper moves in tests; only this machine's clock is read, never the holder's.
        Instant deadline = clock.instant().plus(watch);
        Duration step = heartbeat.dividedBy(2).isZero() ? Duration.ofMillis(100) : heartbeat.dividedBy(2);
        while (clock.instant().isBefore(deadline)) {
            sleeper.sleep(step);
            Optional<LockRecord> now = status(spot);
            if (now.isEmpty()) {
                return false;
            }
            if (!now.get().version().equals(holder.version())) {
                throw new LockBusyException(now.get());
            }
        }
        return true;
    }

    private LockLease started(LockSpot spot, LockRecord record, boolean tookOver) {
        LockLease lease = new LockLease(table, spot, clock, record, tookOver);
        lease.heartbeatsBy(scheduler.scheduleAtFixedRate(lease::beat, heartbeat.toMillis(), heartbeat.toMillis(), TimeUnit.MILLISECONDS));
        return lease;
    }

    /** Deletes the lock whoever holds it, if it is still the one that was shown; false if it changed meanwhile. */
    public boolean forceRelease(LockSpot spot, LockRecord shown) {
        return table.deleteIf(spot.target(), spot.table(), spot.key(), shown.version());
    }
}
