package dev.capstan.ops.runbook;

import dev.capstan.domain.Runbook;
import dev.capstan.ops.Confirmation;
import java.util.concurrent.CompletableFuture;

/**
 * The person walking a runbook, as the front that hosts them (the console or a terminal) presents it:
 * they tick manual steps and confirm each operation's plan.
 */
public interface Attendant extends Confirmation {
    /** A manual step is reached: completes with the person's tick, or exceptionally with why nobody can tick it here. */
    CompletableFuture<Tick> tick(String runId, Runbook.Manual step, String text);

    /** A tick, with the note the step asked for (a link, a ticket), or empty. */
    record Tick(String note) {
        public Tick {
            note = note == null ? "" : note.strip();
        }
    }
}
