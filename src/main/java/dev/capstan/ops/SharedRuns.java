package dev.capstan.ops;

import java.util.List;
import java.util.Optional;

/**
 * The team's record of runs, beside this machine's journals: the runs other consoles run or ran last, and a
 * mirror that sends this machine's journals to it. {@link RunStore} merges the two, so every feature that reads
 * history (Activity, the deploy history, the promotion gate, rollback's last good revision) reads the team's.
 */
public interface SharedRuns {
    /** No team record: every run is this machine's. */
    SharedRuns NONE = new SharedRuns() {
        @Override
        public List<RunSummary> summaries(String environment) {
            return List.of();
        }

        @Override
        public Optional<RunRecord> read(String runId) {
            return Optional.empty();
        }

        @Override
        public boolean adopt(String runId) {
            return false;
        }

        @Override
        public void written(String runId) {
        }
    };

    /**
     * The runs another console runs or ran last, as {@link RunSummary#elsewhere()} summaries whose outcome says whether that
     * console still beats (RUNNING) or stopped (INTERRUPTED); of one environment, or of every environment with a table (null).
     * Never throws: a team record that cannot be read leaves this machine's history as it is.
     */
    List<RunSummary> summaries(String environment);

    /** The whole record of a run another console runs or ran last, read from the team's record; empty if it is not such a run. */
    Optional<RunRecord> read(String runId);

    /**
     * Takes over a run another console left (its heartbeat stopped a lease ago): its mirrored journal becomes this machine's,
     * and the team's record says this console runs it now. False if it is not another console's run.
     *
     * @throws IllegalStateException if that console still beats, or another took the run over first
     */
    boolean adopt(String runId);

    /** A record of this run was just written to its journal here. Must not block. */
    void written(String runId);
}
