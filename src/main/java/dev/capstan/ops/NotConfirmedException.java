package dev.capstan.ops;

/** The person declined, or confirmed in a way that does not fit the risk (a production change without the name typed). */
public final class NotConfirmedException extends RuntimeException {
    public NotConfirmedException(String message) {
        super(message);
    }
}
