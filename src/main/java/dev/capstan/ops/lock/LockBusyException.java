package dev.capstan.ops.lock;

import dev.capstan.domain.LockRecord;

/** The lock is held by a run whose heartbeats are still arriving. */
public final class LockBusyException extends RuntimeException {
    private final transient LockRecord holder;

    public LockBusyException(LockRecord holder) {
        super("The deploy lock " + holder.key() + " is held by " + holder.owner() + " for run " + holder.runId()
                + " (" + holder.operation() + ") since " + holder.acquiredAt() + ", and its heartbeats are still arriving. "
                + "Wait for that run to finish; if you know its process is gone, wait one lease ("
                + holder.leaseMillis() / 1000 + " s) and try again.");
        this.holder = holder;
    }

    public LockRecord holder() {
        return holder;
    }
}
