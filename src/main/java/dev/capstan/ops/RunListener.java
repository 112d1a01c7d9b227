package dev.capstan.ops;

/** Progress of a run as it happens, on the run's thread; a GUI moves it to its own thread. */
public interface RunListener {
    RunListener NONE = new RunListener() {
    };

    default void stepStarted(PlannedStep step) {
    }

    default void stepDone(PlannedStep step, String summary) {
    }

    default void stepFailed(PlannedStep step, String error) {
    }

    default void log(PlannedStep step, String line) {
    }

    /** Engine news that belongs to no step: the deploy lock taken, watched or released. */
    default void note(String line) {
    }

    default void finished(RunRecord run) {
    }
}
