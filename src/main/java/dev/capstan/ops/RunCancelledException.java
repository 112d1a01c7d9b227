package dev.capstan.ops;

/** Thrown inside a run's thread when the person cancelled it (or the run lost its deploy lock). */
public final class RunCancelledException extends RuntimeException {
    public RunCancelledException(String reason) {
        super(reason);
    }
}
