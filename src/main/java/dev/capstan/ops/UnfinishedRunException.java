package dev.capstan.ops;

/**
 * A new run was asked for while an earlier run of the same operation in the same environment failed or
 * was interrupted. A person must choose, as deploy tools with a deploy lock ask: resume that run, or start over.
 */
public final class UnfinishedRunException extends RuntimeException {
    private final transient RunRecord unfinished;

    public UnfinishedRunException(RunRecord unfinished) {
        super("Run " + unfinished.id() + " (" + unfinished.title() + ", started " + unfinished.startedAt() + " by " + unfinished.osUser()
                + ") is " + unfinished.outcome().name().toLowerCase(java.util.Locale.ROOT)
                + unfinished.nextStep().map(s -> " at step " + s.planned().number() + " (" + s.planned().sentence() + ")").orElse("")
                + ". Resume it (capstan runs resume " + unfinished.id() + ") or start over (capstan runs abandon "
                + unfinished.id() + ", then run again).");
        this.unfinished = unfinished;
    }

    public RunRecord unfinished() {
        return unfinished;
    }
}
