package dev.capstan.ops;

import java.time.Duration;
import java.util.List;
import java.util.Optional;

/**
 * What a running step may do besides its own work: write to the run's log, remember facts that
 * later steps (and a resumed run, after a crash) rely on, and wait in a way that honours cancel.
 */
public interface StepContext {
    String runId();

    /** Who runs the run here, user@host: what an audit row records as who. */
    String operator();

    /** True when the run is being resumed from a journal rather than started afresh. */
    boolean resumed();

    void log(String line);

    /** Journals a fact (flushed to disk before this returns); a fact already remembered is kept, not replaced. */
    String rememberOnce(String key, String value);

    List<String> rememberOnce(String key, List<String> values);

    Optional<String> fact(String key);

    Optional<List<String>> factList(String key);

    /** Sleeps, or throws {@link RunCancelledException} as soon as the run is cancelled. */
    void pause(Duration duration);

    void checkCancelled();

    /** How this run rides out AWS faults that a pause can mend, in its waits and its changes. */
    default Patience patience() {
        return Patience.standard(java.time.Clock.systemUTC());
    }

    /** Looks until the wait's look says done, pausing between looks; see {@link Wait}. Every wait of every step goes through here. */
    default <T> T waitUntil(Wait<T> wait) {
        return wait.run(this);
    }
}
