package dev.capstan.ops;

import java.time.Instant;
import java.util.List;

/** One step of a run as its journal tells it: the planned line, what happened, and the lines it logged. */
public record StepRecord(PlannedStep planned, State state, Instant startedAt, Instant finishedAt, String summary, String error,
                         List<String> log) {
    public enum State { PENDING, RUNNING, DONE, FAILED }

    public StepRecord {
        log = List.copyOf(log);
    }
}
