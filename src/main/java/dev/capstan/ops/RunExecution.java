package dev.capstan.ops;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.capstan.aws.AwsProblem;
import dev.capstan.ops.lock.DeployLock;
import dev.capstan.ops.lock.LockLease;
import dev.capstan.ops.lock.LockSpot;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One run on its way through its steps, on its own thread: it takes the deploy lock, runs each step
 * with the journal written around it, and releases the lock, the journal and its live marker however
 * the run ends.
 */
final class RunExecution implements Runnable, RunHandle, StepContext {
    private static final Logger LOG = LoggerFactory.getLogger(RunExecution.class);
    private final String runId;
    private final Operation operation;
    private final Plan plan;
    private final Journal journal;
    private final AutoCloseable live;
    private final RunListener listener;
    private final int from;
    private final Map<String, List<String>> facts;
    private final boolean resumed;
    /** Resumed here after another console left it: its deploy lock, held in the run's name, may still be that console's. */
    private final boolean takenOver;
    private final LockSpot lockSpot;
    private final DeployLock lock;
    private final String operator;
    private final Patience patience;
    private final CompletableFuture<RunRecord> finished = new CompletableFuture<>();
    /** Set when this process closes under the run: the run stops as interrupted (resumable), not as cancelled or failed. */
    private volatile boolean closing;
    private final Cancellation cancellation = new Cancellation();
    private volatile PlannedStep current;
    private RunStore store;

    RunExecution(String runId, Operation operation, Plan plan, Journal journal, AutoCloseable live, RunListener listener, int from,
                 Map<String, List<String>> facts, boolean resumed, boolean takenOver, LockSpot lockSpot, DeployLock lock, String operator,
                 Patience patience) {
        this.patience = patience;
        this.runId = runId;
        this.operation = operation;
        this.plan = plan;
        this.journal = journal;
        this.live = live;
        this.listener = listener;
        this.from = from;
        this.facts = new LinkedHashMap<>(facts);
        this.resumed = resumed;
        this.takenOver = takenOver;
        this.lockSpot = lockSpot;
        this.lock = lock;
        this.operator = operator;
    }

    void finishedReading(RunStore store) {
        this.store = store;
    }

    @Override
    public void run() {
        String error = null;
        RunOutcome outcome = RunOutcome.SUCCEEDED;
        LockLease lease = null;
        try {
            lease = takeLock();
            List<Step> steps = operation.steps();
            for (int i = from; i < steps.size(); i++) {
                checkCancelled();
                runStep(steps.get(i));
            }
        } catch (RunCancelledException e) {
            outcome = closing ? null : RunOutcome.CANCELLED;
            error = e.getMessage();
        } catch (Exception e) {
            outcome = RunOutcome.FAILED;
            error = message(e);
        } finally {
            end(lease, outcome, error);
        }
    }

    /** @param outcome null when this process closed under the run: no end is journaled, so it reads as interrupted and resumes */
    private void end(LockLease lease, RunOutcome outcome, String error) {
        try {
            releaseLock(lease);
            if (outcome == null) {
                journal.append(journal.record("stopped").put("reason", error));
            } else {
                ObjectNode end = journal.record("finished").put("outcome", outcome.name());
                end.put("error", error);
                journal.append(end);
            }
        } catch (RuntimeException e) {
            // Without its end record the run reads as interrupted, and can be resumed: the safe reading.
            LOG.error("Could not journal the end of run {}: {}", runId, e.getMessage());
        } finally {
            journal.close();
            closeLive();
        }
        try {
            RunRecord record = store.read(runId);
            listener.finished(record);
            finished.complete(record);
        } catch (RuntimeException e) {
            finished.completeExceptionally(e);
        }
    }

    private LockLease takeLock() {
        if (lockSpot == null) {
            return null;
        }
        LockLease lease = takenOver ? lock.acquireFromAnotherConsole(lockSpot, operator, runId, operation.title(), this::pause, this::note)
                : lock.acquire(lockSpot, operator, runId, operation.title(), this::pause, this::note);
        journal.append(journal.record("lock").put("event", lease.tookOver() ? "taken-over" : "acquired")
                .put("detail", lockSpot.key() + " in " + lockSpot.table()));
        note("Holding the deploy lock " + lockSpot.key() + ".");
        lease.onLost(reason -> {
            journal.append(journal.record("lock").put("event", "lost").put("detail", reason));
            cancel("Stopped because " + reason + ".");
        });
        return lease;
    }

    private void releaseLock(LockLease lease) {
        if (lease == null) {
            return;
        }
        try {
            boolean released = lease.release();
            journal.append(journal.record("lock").put("event", released ? "released" : "not-released")
                    .put("detail", lockSpot.key() + (released ? "" : ": it was no longer ours")));
            note(released ? "Released the deploy lock." : "The deploy lock was no longer ours to release.");
        } catch (RuntimeException e) {
            // The lock stays until its lease runs out; the next run takes it over after watching one lease.
            journal.append(journal.record("lock").put("event", "release-failed").put("detail", message(e)));
        }
    }

    private void runStep(Step step) throws Exception {
        PlannedStep planned = plan.step(step.id());
        current = planned;
        journal.append(journal.record("step").put("event", "started").put("id", step.id()).put("number", planned.number()));
        listener.stepStarted(planned);
        try {
            String summary = runPatiently(step);
            journal.append(journal.record("step").put("event", "done").put("id", step.id()).put("summary", summary));
            listener.stepDone(planned, summary);
        } catch (Exception | Error e) {
            String error = e instanceof RunCancelledException ? "Cancelled: " + e.getMessage() : message(e);
            journal.append(journal.record("step").put("event", "failed").put("id", step.id()).put("error", error));
            listener.stepFailed(planned, error);
            throw e;
        } finally {
            current = null;
        }
    }

    /**
     * Runs the step, and runs it again after a pause when AWS refused one of its calls for a reason a pause can mend, until the
     * patience's budget is spent since the step last met a refusal it had not met before. Every step looks at live state and at the run's facts before it changes anything (as it does
     * when a run is resumed), so a second try finishes what the first began and does nothing twice.
     */
    private String runPatiently(Step step) throws Exception {
        Instant firstFailure = null;
        Set<String> metBefore = new HashSet<>();
        int failures = 0;
        while (true) {
            try {
                return step.run(this);
            } catch (RuntimeException failure) {
                String fault = AwsProblem.passingFaultOf(failure).orElseThrow(() -> failure);
                Instant now = patience.clock().instant();
                if (metBefore.add(fault)) {
                    // A refusal this step has not met before: it got further than last time, so the budget starts again. Refusals
                    // that take turns (a 503, then no answer, then a 503) are each met before soon, and spend one budget.
                    firstFailure = now;
                    failures = 0;
                }
                Duration left = patience.budget().minus(Duration.between(firstFailure, now));
                if (left.isNegative() || left.isZero()) {
                    throw new IllegalStateException(failure.getMessage() + " AWS kept refusing for " + Wait.human(patience.budget())
                            + "; resume the run once it answers again.", failure);
                }
                Duration pause = patience.pauseAfter(++failures, patience.first());
                pause = pause.compareTo(left) > 0 ? left : pause;
                log(Wait.capitalised(fault) + "; the step tries again in " + Patience.inWords(pause));
                pause(pause);
            }
        }
    }

    private static String message(Throwable e) {
        return e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
    }

    private void note(String line) {
        listener.note(line);
    }

    private void closeLive() {
        try {
            live.close();
        } catch (Exception e) {
            LOG.warn("Could not remove the live marker of run {}: {}", runId, e.getMessage());
        }
    }

    // RunHandle

    @Override
    public String runId() {
        return runId;
    }

    @Override
    public CompletableFuture<RunRecord> finished() {
        return finished;
    }

    /** This process is closing: stop at the next safe point, release the lock, and leave the run to be resumed. */
    void stopForClose(String reason) {
        closing = true;
        cancel(reason);
    }

    @Override
    public void cancel(String reason) {
        cancellation.cancel(reason);
    }

    // StepContext

    @Override
    public String operator() {
        return operator;
    }

    @Override
    public boolean resumed() {
        return resumed;
    }

    @Override
    public void log(String line) {
        PlannedStep step = current;
        journal.appendUnforced(journal.record("log").put("step", step == null ? "" : step.id()).put("text", line));
        if (step != null) {
            listener.log(step, line);
        } else {
            listener.note(line);
        }
    }

    @Override
    public synchronized String rememberOnce(String key, String value) {
        List<String> known = facts.get(key);
        if (known != null && !known.isEmpty()) {
            return known.get(0);
        }
        journal.append(journal.record("fact").put("step", current == null ? "" : current.id()).put("key", key).put("value", value));
        facts.put(key, List.of(value));
        return value;
    }

    @Override
    public synchronized List<String> rememberOnce(String key, List<String> values) {
        List<String> known = facts.get(key);
        if (known != null) {
            return known;
        }
        ObjectNode fact = journal.record("fact").put("step", current == null ? "" : current.id()).put("key", key);
        ArrayNode array = fact.putArray("value");
        values.forEach(array::add);
        journal.append(fact);
        facts.put(key, List.copyOf(values));
        return List.copyOf(values);
    }

    @Override
    public synchronized Optional<String> fact(String key) {
        List<String> known = facts.get(key);
        return known == null || known.isEmpty() ? Optional.empty() : Optional.of(known.get(0));
    }

    @Override
    public synchronized Optional<List<String>> factList(String key) {
        return Optional.ofNullable(facts.get(key)).map(ArrayList::new);
    }

    @Override
    public void pause(Duration duration) {
        cancellation.pause(duration);
    }

    @Override
    public Patience patience() {
        return patience;
    }

    @Override
    public void checkCancelled() {
        cancellation.check();
    }
}
