package dev.capstan.ops;

/**
 * The person declined, or confirmed in a way that does not fit the risk (a production change without the name
 * typed). The sentence says what happened; {@link #nameToType()} lets each front say how it is typed there.
 */
public final class NotConfirmedException extends RuntimeException {
    private final String nameToType;

    public NotConfirmedException(String message) {
        this(message, null);
    }

    /** @param nameToType the environment name the person must type, when that is what was missing */
    public NotConfirmedException(String message, String nameToType) {
        super(message);
        this.nameToType = nameToType;
    }

    /** The environment name a confirmation must carry, or null when the person simply declined. */
    public String nameToType() {
        return nameToType;
    }
}
