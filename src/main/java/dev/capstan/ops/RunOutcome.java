package dev.capstan.ops;

/** Where a run stands, as its journal tells it. */
public enum RunOutcome {
    /** Running now, in this process or another one. */
    RUNNING,
    SUCCEEDED,
    FAILED,
    CANCELLED,
    /** The process died mid-run (no end in the journal, nobody holds the run's live marker). */
    INTERRUPTED,
    /** Someone chose to start over instead of resuming. */
    ABANDONED;

    /** A run that blocks a new run of the same operation until someone resumes or abandons it. */
    public boolean unfinished() {
        return this == FAILED || this == INTERRUPTED;
    }

    public boolean resumable() {
        return unfinished();
    }
}
