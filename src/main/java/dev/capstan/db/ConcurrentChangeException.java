package dev.capstan.db;

/** A row changed between the plan that read it and the change that would have overwritten it. */
public final class ConcurrentChangeException extends IllegalStateException {
    public ConcurrentChangeException(String message) {
        super(message);
    }
}
