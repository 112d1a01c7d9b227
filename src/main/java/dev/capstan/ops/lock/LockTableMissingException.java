package dev.capstan.ops.lock;

/**
 * The environment names a deploy lock table that is not there. Capstan can create it; each front says how
 * (a command, a button), so the sentence here says only what is wrong and the choice.
 */
public final class LockTableMissingException extends IllegalStateException {
    private final transient LockSpot spot;

    public LockTableMissingException(LockSpot spot) {
        super("The lock table " + spot.table() + " does not exist in " + spot.target().region()
                + "; create it, or remove lockTable from the environment.");
        this.spot = spot;
    }

    public LockSpot spot() {
        return spot;
    }
}
