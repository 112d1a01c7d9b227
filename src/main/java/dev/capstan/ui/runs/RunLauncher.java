package dev.capstan.ui.runs;

import dev.capstan.domain.Environment;
import dev.capstan.ops.Confirmation;
import dev.capstan.ops.Decision;
import dev.capstan.ops.Operation;
import dev.capstan.ops.Plan;
import dev.capstan.ops.RunHandle;
import dev.capstan.ops.RunListener;
import dev.capstan.ops.RunRecord;
import dev.capstan.ops.Runner;
import dev.capstan.ui.common.BackgroundWork;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Supplier;

/**
 * The console's way into the engine: plan in the background, show the plan for confirmation, start or
 * resume the run in the background, and keep its handle so it can be cancelled. It holds no runbook
 * logic: that is all in the {@link Runner} and the operations, which the CLI drives the same way.
 */
public final class RunLauncher {
    /** What the views hear: a run started here (to be shown), a run that changed, and errors worth a sentence. */
    public interface Events {
        void runStarted(String runId);

        void runChanged(String runId);

        void problem(String message);
    }

    private final Runner runner;
    private final BackgroundWork work;
    private final Supplier<Confirmation> confirmation;
    private final Map<String, RunHandle> live = new ConcurrentHashMap<>();
    private Events events = new Events() {
        @Override
        public void runStarted(String runId) {
        }

        @Override
        public void runChanged(String runId) {
        }

        @Override
        public void problem(String message) {
        }
    };

    public RunLauncher(Runner runner, BackgroundWork work, Supplier<Confirmation> confirmation) {
        this.runner = runner;
        this.work = work;
        this.confirmation = confirmation;
    }

    public void listen(Events listener) {
        this.events = listener;
    }

    public Runner runner() {
        return runner;
    }

    /** Plans the operation, asks, and starts it. The operation is built in the background too: building may fail with a sentence. */
    public void launch(String description, Callable<Operation> operation) {
        launch(description, operation, () -> { }, message -> events.problem(message));
    }

    /**
     * As {@link #launch(String, Callable)}, with something to do in the background once the person has
     * confirmed and before the run starts (ending the run the new one takes over from, say), and a view of
     * its own told when it cannot be planned or started.
     */
    public void launch(String description, Callable<Operation> operation, Runnable onceApproved, java.util.function.Consumer<String> problem) {
        work.run("Planning: " + description, () -> {
                    Operation op = operation.call();
                    return Map.entry(op, runner.plan(op));
                })
                .onSuccess(planned -> confirmation.get().ask(runner.confirmationFor(planned.getKey(), planned.getValue()))
                        .thenAccept(decision -> work.onFx(() -> start(planned.getKey(), planned.getValue(), decision, onceApproved, problem))))
                .onFailure(error -> problem.accept(sentence(error)))
                .start();
    }

    private void start(Operation operation, Plan plan, Decision decision, Runnable onceApproved, java.util.function.Consumer<String> problem) {
        if (!decision.approved()) {
            return;
        }
        work.run("Starting " + operation.title(), () -> {
                    onceApproved.run();
                    return track(runner.start(operation, plan, decision, listener()));
                })
                .onSuccess(events::runStarted)
                .onFailure(error -> {
                    // The view that asked may have closed once approved (a form does): Activity, shown then, says it too.
                    problem.accept(sentence(error));
                    events.problem(sentence(error));
                })
                .start();
    }

    /** Shows the journaled plan, asks again (production: the name typed), and continues the run where it stopped. */
    public void resume(RunRecord run, Environment environment) {
        confirmation.get().ask(runner.resumeConfirmation(run, environment)).thenAccept(decision -> work.onFx(() -> {
            if (decision.approved()) {
                work.run("Resuming " + run.title(), () -> track(runner.resume(run.id(), environment, decision, listener())))
                        .onSuccess(events::runStarted)
                        .onFailure(error -> events.problem(sentence(error)))
                        .start();
            }
        }));
    }

    /** Abandons the run, then plans the same operation afresh and asks before starting it. */
    public void startOver(RunRecord run, Environment environment) {
        work.run("Abandoning " + run.id(), () -> runner.abandon(run.id(), environment, "started over from the console"))
                .onSuccess(abandoned -> {
                    events.runChanged(abandoned.id());
                    launch(run.title(), () -> runner.rebuild(run, environment));
                })
                .onFailure(error -> events.problem(sentence(error)))
                .start();
    }

    /** The runs going on in this console, as a sentence; empty when none. */
    public String runningHere() {
        return live.isEmpty() ? "" : live.size() == 1 ? "Run " + live.keySet().iterator().next() + " is going on."
                : live.size() + " runs are going on: " + String.join(", ", live.keySet()) + ".";
    }

    public boolean isRunningHere(String runId) {
        return live.containsKey(runId);
    }

    public void cancel(String runId) {
        RunHandle handle = live.get(runId);
        if (handle != null) {
            handle.cancel("cancelled from the console");
        }
    }

    /**
     * Cancels a run of this console and waits until it has ended (its lock released): what a run that takes over from it
     * does first. Called off the FX thread.
     *
     * @throws IllegalStateException when the run is not going on in this console
     */
    public void stop(String runId) throws Exception {
        RunHandle handle = live.get(runId);
        if (handle == null) {
            throw new IllegalStateException("Run " + runId + " is not going on in this console; stop it where it runs (or wait for it), then try again.");
        }
        handle.cancel("stopped from the console to roll back");
        try {
            handle.finished().get(2, java.util.concurrent.TimeUnit.MINUTES);
        } catch (java.util.concurrent.ExecutionException e) {
            // A cancelled run may end with its step's error; ended is what matters here.
        }
    }

    private String track(RunHandle handle) {
        live.put(handle.runId(), handle);
        handle.finished().whenComplete((run, error) -> {
            live.remove(handle.runId());
            work.onFx(() -> events.runChanged(handle.runId()));
        });
        return handle.runId();
    }

    /** Step events and log lines refresh the run in the views, on the FX thread, coalesced. */
    private RunListener listener() {
        return new RunListener() {
            private final java.util.concurrent.atomic.AtomicBoolean told = new java.util.concurrent.atomic.AtomicBoolean();

            @Override
            public void stepStarted(dev.capstan.ops.PlannedStep step) {
                changed();
            }

            @Override
            public void stepDone(dev.capstan.ops.PlannedStep step, String summary) {
                changed();
            }

            @Override
            public void stepFailed(dev.capstan.ops.PlannedStep step, String error) {
                changed();
            }

            @Override
            public void log(dev.capstan.ops.PlannedStep step, String line) {
                changed();
            }

            /** News arriving while the views have not yet heard of the last is told once: a burst of log lines is one refresh. */
            private void changed() {
                if (told.compareAndSet(false, true)) {
                    work.onFx(() -> {
                        told.set(false);
                        live.keySet().forEach(events::runChanged);
                    });
                }
            }

        };
    }

    private static String sentence(Throwable error) {
        return dev.capstan.ui.common.ConsoleWords.sentence(error);
    }
}
