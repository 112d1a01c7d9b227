package dev.capstan.ops.lock;

import dev.capstan.aws.LockTable;
import dev.capstan.domain.LockRecord;
import java.time.Clock;
import java.util.UUID;
import java.util.concurrent.ScheduledFuture;
import java.util.function.Consumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A held deploy lock. A heartbeat replaces the stored version every period, conditional on the version
 * this lease wrote last; if that condition fails, someone took the lock over (or forced it free) and the
 * lease reports itself lost so the run can stop.
 */
public final class LockLease implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(LockLease.class);
    private final LockTable table;
    private final LockSpot spot;
    private final Clock clock;
    private final boolean tookOver;
    private volatile LockRecord current;
    private volatile boolean lost;
    private volatile boolean released;
    private volatile Consumer<String> onLost = reason -> { };
    private ScheduledFuture<?> heartbeats;

    LockLease(LockTable table, LockSpot spot, Clock clock, LockRecord current, boolean tookOver) {
        this.table = table;
        this.spot = spot;
        this.clock = clock;
        this.current = current;
        this.tookOver = tookOver;
    }

    void heartbeatsBy(ScheduledFuture<?> heartbeats) {
        this.heartbeats = heartbeats;
    }

    public LockRecord record() {
        return current;
    }

    /** True when the lock was taken over from a holder whose heartbeats had stopped. */
    public boolean tookOver() {
        return tookOver;
    }

    public boolean lost() {
        return lost;
    }

    public void onLost(Consumer<String> listener) {
        this.onLost = listener;
        if (lost) {
            listener.accept("the deploy lock " + spot.key() + " was lost");
        }
    }

    synchronized void beat() {
        if (released || lost) {
            return;
        }
        LockRecord next = current.renewed(UUID.randomUUID().toString(), clock.instant());
        try {
            if (table.replaceIf(spot.target(), spot.table(), next, current.version())) {
                current = next;
            } else {
                lost = true;
                heartbeats.cancel(false);
                onLost.accept("the deploy lock " + spot.key() + " was taken over or released by someone else");
            }
        } catch (RuntimeException e) {
            // A missed heartbeat is not yet a lost lock: a watcher waits a whole lease before taking over.
            LOG.warn("Heartbeat of deploy lock {} failed: {}", spot.key(), e.getMessage());
        }
    }

    /** Stops the heartbeats and deletes the lock if it is still this lease's; true if it was. */
    public synchronized boolean release() {
        if (released) {
            return false;
        }
        released = true;
        if (heartbeats != null) {
            heartbeats.cancel(false);
        }
        return !lost && table.deleteIf(spot.target(), spot.table(), spot.key(), current.version());
    }

    @Override
    public void close() {
        release();
    }
}
