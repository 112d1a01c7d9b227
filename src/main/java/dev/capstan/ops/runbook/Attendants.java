package dev.capstan.ops.runbook;

import dev.capstan.domain.Runbook;
import dev.capstan.ops.ConfirmationRequest;
import dev.capstan.ops.Decision;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.atomic.AtomicReference;

/**
 * Who attends runbook runs in this process: the console once its window is up, the terminal for
 * {@code capstan runbook run}; until one says so, nobody, and a manual step then stops the run with a
 * sentence saying where to tick it.
 */
public final class Attendants {
    private final AtomicReference<Attendant> current = new AtomicReference<>(new Nobody());

    public void attend(Attendant attendant) {
        current.set(attendant);
    }

    public Attendant current() {
        return current.get();
    }

    private static final class Nobody implements Attendant {
        @Override
        public CompletableFuture<Tick> tick(String runId, Runbook.Manual step, String text) {
            return CompletableFuture.failedFuture(new IllegalStateException("\"" + step.title() + "\" is a manual step and nobody is here to tick it; "
                    + "resume run " + runId + " in the console (Runbooks) or with capstan runs resume in a terminal."));
        }

        @Override
        public CompletableFuture<Decision> ask(ConfirmationRequest request) {
            return CompletableFuture.failedFuture(new IllegalStateException("Nobody is here to confirm the plan of " + request.plan().title() + "."));
        }
    }
}
