package dev.capstan.ui.runbooks;

import dev.capstan.domain.Runbook;
import dev.capstan.ops.Confirmation;
import dev.capstan.ops.ConfirmationRequest;
import dev.capstan.ops.Decision;
import dev.capstan.ops.runbook.Attendant;
import java.util.concurrent.CompletableFuture;
import java.util.function.Supplier;
import javafx.application.Platform;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.SimpleObjectProperty;

/**
 * The person at the console, for runbook runs: a manual step waits in {@link #waitingProperty()} until
 * the Runbooks view's Tick answers it; an operation's plan is shown in the plan dialog. Calls arrive on a
 * run's thread and are handed to the FX thread.
 */
public final class ConsoleAttendant implements Attendant {
    /** A manual step waiting for its tick. */
    public record Waiting(String runId, Runbook.Manual step, String text, CompletableFuture<Tick> answer) {
    }

    private final ObjectProperty<Waiting> waiting = new SimpleObjectProperty<>(this, "waiting");
    private final Supplier<Confirmation> plans;

    public ConsoleAttendant(Supplier<Confirmation> plans) {
        this.plans = plans;
    }

    @Override
    public CompletableFuture<Tick> tick(String runId, Runbook.Manual step, String text) {
        CompletableFuture<Tick> answer = new CompletableFuture<>();
        Platform.runLater(() -> waiting.set(new Waiting(runId, step, text, answer)));
        // Once answered (or the run cancelled and gone), the step stops waiting on screen.
        answer.whenComplete((tick, error) -> Platform.runLater(() -> {
            if (waiting.get() != null && waiting.get().answer() == answer) {
                waiting.set(null);
            }
        }));
        return answer;
    }

    @Override
    public CompletableFuture<Decision> ask(ConfirmationRequest request) {
        CompletableFuture<Decision> decision = new CompletableFuture<>();
        Platform.runLater(() -> plans.get().ask(request).whenComplete((d, error) -> {
            if (error != null) {
                decision.completeExceptionally(error);
            } else {
                decision.complete(d);
            }
        }));
        return decision;
    }

    /** The manual step waiting for the person, or null. */
    public ObjectProperty<Waiting> waitingProperty() {
        return waiting;
    }
}
