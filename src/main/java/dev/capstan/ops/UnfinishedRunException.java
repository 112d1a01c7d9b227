package dev.capstan.ops;

/**
 * A new run was asked for while an earlier run of the same operation in the same environment failed or
 * was interrupted. A person must choose, as deploy tools with a deploy lock ask: resume that run, or start over.
 * The sentence names the run; each front says where its person does either.
 */
public final class UnfinishedRunException extends RuntimeException {
    private final transient RunRecord unfinished;

    public UnfinishedRunException(RunRecord unfinished) {
        super("Run " + unfinished.id() + " (" + unfinished.title() + ", started " + unfinished.startedAt() + " by " + unfinished.osUser()
                + ") is " + unfinished.outcome().name().toLowerCase(java.util.Locale.ROOT)
                + unfinished.nextStep().map(s -> " at step " + s.planned().number() + " (" + s.planned().sentence() + ")").orElse("")
                + ". Resume it, or start over.");
        this.unfinished = unfinished;
    }

    public RunRecord unfinished() {
        return unfinished;
    }
}
