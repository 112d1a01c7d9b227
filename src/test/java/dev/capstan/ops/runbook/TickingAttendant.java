package dev.capstan.ops.runbook;

import dev.capstan.domain.Runbook;
import dev.capstan.ops.ConfirmationRequest;
import dev.capstan.ops.Decision;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;

/** A test's person: ticks every manual step at once with a note naming it, and confirms every plan. Remembers what it was asked. */
public final class TickingAttendant implements Attendant {
    public final List<String> ticked = new CopyOnWriteArrayList<>();
    public final List<String> confirmed = new CopyOnWriteArrayList<>();

    @Override
    public CompletableFuture<Tick> tick(String runId, Runbook.Manual step, String text) {
        ticked.add(step.id());
        return CompletableFuture.completedFuture(new Tick("done: " + step.id()));
    }

    @Override
    public CompletableFuture<Decision> ask(ConfirmationRequest request) {
        confirmed.add(request.plan().title());
        return CompletableFuture.completedFuture(Decision.yes());
    }
}
