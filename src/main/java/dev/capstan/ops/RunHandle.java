package dev.capstan.ops;

import java.util.concurrent.CompletableFuture;

/** A run that was started or resumed: its id, its end (the journal read back), and a way to cancel it. */
public interface RunHandle {
    String runId();

    CompletableFuture<RunRecord> finished();

    /** Asks the run to stop at the next safe point; the step in progress is journaled as cancelled. */
    void cancel(String reason);
}
