package dev.capstan.ops;

/** A person's answer to a {@link ConfirmationRequest}; {@code typedName} is what they typed, if asked to. */
public record Decision(boolean approved, String typedName) {
    public static Decision yes() {
        return new Decision(true, null);
    }

    public static Decision typing(String name) {
        return new Decision(true, name);
    }

    public static Decision no() {
        return new Decision(false, null);
    }
}
