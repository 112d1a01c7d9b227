package dev.capstan.ops;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.capstan.domain.ChangeRefusedException;
import dev.capstan.domain.Environment;
import dev.capstan.ops.lock.DeployLock;
import dev.capstan.ops.lock.LockSpot;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * Plans, starts, resumes and abandons runs. Every transition is journaled before the next one starts;
 * the steps run on a background executor; the deploy lock is held while they run and released however
 * the run ends.
 */
public final class Runner {
    private final RunStore store;
    private final DeployLock lock;
    private final OperationTypes types;
    private final Targets targets;
    private final ExecutorService executor;
    private final String operator;
    private final Patience patience;
    /** The runs this process is running now. */
    private final Set<RunExecution> live = ConcurrentHashMap.newKeySet();

    /** @param operator who runs Capstan here, as the OS knows them: user@host */
    public Runner(RunStore store, DeployLock lock, OperationTypes types, Targets targets, ExecutorService executor, String operator,
                  Patience patience) {
        this.patience = patience;
        this.store = store;
        this.lock = lock;
        this.types = types;
        this.targets = targets;
        this.executor = executor;
        this.operator = operator;
    }

    public RunStore store() {
        return store;
    }

    public DeployLock lock() {
        return lock;
    }

    public Targets targets() {
        return targets;
    }

    /** Works out what the operation would do, reading live state and changing nothing. */
    public Plan plan(Operation operation) throws Exception {
        List<PlannedStep> steps = new ArrayList<>();
        int number = 1;
        for (Step step : operation.steps()) {
            StepPreview preview = step.preview();
            steps.add(new PlannedStep(number++, step.id(), step.kind(), preview.sentence(), preview.before(), preview.after(), preview.details()));
        }
        List<String> warnings = new ArrayList<>(operation.warnings());
        Environment environment = operation.environment();
        if (takesDeployLock(operation) && environment.lockTable() == null) {
            warnings.add("Environment " + environment.name() + " names no lockTable, so this run takes no deploy lock: "
                    + "nothing stops someone else changing the same service at the same time.");
        }
        if (targets.of(environment).readOnly() && steps.stream().anyMatch(s -> s.kind() == StepKind.CHANGE)) {
            warnings.add(environment.name() + " is read-only here: every change in this plan will be refused.");
        }
        return new Plan(operation.title(), steps, warnings);
    }

    public ConfirmationRequest confirmationFor(Operation operation, Plan plan) {
        return ConfirmationRequest.of("Run", operation.environment(), plan);
    }

    /** Starts a confirmed run. Refuses, changing nothing, if the decision does not fit the risk or an earlier run is unfinished. */
    public RunHandle start(Operation operation, Plan plan, Decision decision, RunListener listener) {
        Environment environment = operation.environment();
        confirmationFor(operation, plan).check(decision);
        refuseIfReadOnly(operation, plan);
        List<RunSummary> unfinished = store.unfinished(environment.name(), operation.type(), LockSpot.guarded(environment));
        if (!unfinished.isEmpty()) {
            throw new UnfinishedRunException(store.read(unfinished.get(0).id()));
        }
        String callerArn = targets.callerArn(environment);
        String runId = store.newRunId();
        AutoCloseable live = store.markLive(runId);
        Journal journal = store.journal(runId);
        journal.append(header(journal, runId, operation, plan, callerArn));
        ObjectNode confirmed = journal.record("confirmed").put("by", operator);
        confirmed.put("typedName", decision.typedName());
        journal.append(confirmed);
        return launch(new RunExecution(runId, operation, plan, journal, live, listener, 0, Map.of(), false, false, lockSpot(operation), lock, operator, patience));
    }

    /**
     * Continues an interrupted or failed run at its first unfinished step, with the facts its journal
     * holds. That step looks at live state before acting, so nothing it already did is done again.
     */
    public RunHandle resume(String runId, Environment environment, Decision decision, RunListener listener) {
        RunRecord record = store.read(runId);
        if (!record.outcome().resumable()) {
            throw new IllegalStateException("Run " + runId + " is " + record.outcome() + "; only failed or interrupted runs can be resumed.");
        }
        if (!record.environment().equals(environment.name())) {
            throw new IllegalArgumentException("Run " + runId + " ran in " + record.environment() + ", not " + environment.name() + ".");
        }
        Operation operation = types.rebuild(record, environment);
        Plan plan = record.plan();
        resumeConfirmation(record, environment).check(decision);
        refuseIfReadOnly(operation, plan);
        List<String> ids = operation.steps().stream().map(Step::id).toList();
        // A console killed after its last step, before the run's end was journaled, left nothing to do: resuming ends the run.
        String from = record.nextStep().map(s -> s.planned().id()).orElse(null);
        if (!ids.containsAll(plan.steps().stream().map(PlannedStep::id).toList())) {
            throw new IllegalStateException("Run " + runId + " was planned by a Capstan whose " + record.operationType()
                    + " had other steps; start over instead.");
        }
        String callerArn = targets.callerArn(environment);
        // Only now, every check passed, is a run another console left made this machine's: its journal comes from the team's
        // record (the same lines just read), and the record says this console goes on with it.
        boolean takenOver = store.adopt(runId);
        AutoCloseable live = store.markLive(runId);
        Journal journal = store.journal(runId);
        ObjectNode resumed = journal.record("resumed").put("by", operator).put("callerArn", callerArn).put("fromStep", from == null ? "(the end)" : from);
        resumed.put("typedName", decision.typedName());
        journal.append(resumed);
        return launch(new RunExecution(runId, operation, plan, journal, live, listener, from == null ? ids.size() : ids.indexOf(from), record.facts(), true,
                takenOver, lockSpot(operation), lock, operator, patience));
    }

    /** The operation of a journaled run, rebuilt from its parameters: what starting over runs again. */
    public Operation rebuild(RunRecord record, Environment environment) {
        return types.rebuild(record, environment);
    }

    public ConfirmationRequest resumeConfirmation(RunRecord record, Environment environment) {
        return ConfirmationRequest.of("Resume", environment, record.plan());
    }

    /**
     * Marks an unfinished run abandoned so a new run may start over. If the run still holds its deploy
     * lock (its process died), the lock is released: the run is known dead, since nobody holds its live marker.
     */
    public RunRecord abandon(String runId, Environment environment, String reason) {
        RunRecord record = store.read(runId);
        if (record.outcome() == RunOutcome.RUNNING) {
            throw new IllegalStateException("Run " + runId + " is running right now; cancel it first.");
        }
        if (!record.outcome().unfinished()) {
            throw new IllegalStateException("Run " + runId + " is " + record.outcome() + "; only failed or interrupted runs are abandoned.");
        }
        if (store.adopt(runId)) {
            record = store.read(runId);
        }
        try (Journal journal = store.journal(runId)) {
            if (environment != null && environment.name().equals(record.environment())) {
                releaseLockOf(record, environment, journal);
            }
            journal.append(journal.record("abandoned").put("by", operator).put("reason", reason));
        }
        return store.read(runId);
    }

    private void releaseLockOf(RunRecord record, Environment environment, Journal journal) {
        LockSpot.of(environment, targets.of(environment)).ifPresent(spot -> lock.status(spot)
                .filter(held -> held.runId().equals(record.id()))
                .ifPresent(held -> {
                    if (lock.forceRelease(spot, held)) {
                        journal.append(journal.record("lock").put("event", "released").put("detail", "released with the abandoned run"));
                    }
                }));
    }

    private void refuseIfReadOnly(Operation operation, Plan plan) {
        if (plan.changesAnything() && targets.of(operation.environment()).readOnly()) {
            throw new ChangeRefusedException(operation.environment().name()
                    + " is read-only here (readOnly in the workspace or capstan_read_only on its profile); this operation changes things, so it was not started.");
        }
    }

    private LockSpot lockSpot(Operation operation) {
        return takesDeployLock(operation) ? LockSpot.of(operation.environment(), targets.of(operation.environment())).orElse(null) : null;
    }

    private boolean takesDeployLock(Operation operation) {
        return types.require(operation.type()).takesDeployLock();
    }

    /** The operation types this runner runs: their declarations. */
    public OperationTypes types() {
        return types;
    }

    private ObjectNode header(Journal journal, String runId, Operation operation, Plan plan, String callerArn) {
        Environment environment = operation.environment();
        ObjectNode run = journal.record("run")
                .put("id", runId).put("operation", operation.type()).put("title", operation.title())
                .put("environment", environment.name()).put("scope", LockSpot.guarded(environment)).put("profile", environment.profile()).put("region", environment.region())
                .put("osUser", operator).put("callerArn", callerArn);
        ObjectNode parameters = run.putObject("parameters");
        new LinkedHashMap<>(operation.parameters()).forEach(parameters::put);
        run.set("request", Requests.toJson(operation.request()));
        ArrayNode warnings = run.putArray("warnings");
        plan.warnings().forEach(warnings::add);
        ArrayNode steps = run.putArray("plan");
        for (PlannedStep step : plan.steps()) {
            ObjectNode planned = steps.addObject().put("number", step.number()).put("id", step.id()).put("kind", step.kind().name())
                    .put("sentence", step.sentence()).put("before", step.before()).put("after", step.after());
            if (!step.details().isEmpty()) {
                ArrayNode details = planned.putArray("details");
                step.details().forEach(details::add);
            }
        }
        return run;
    }

    private RunHandle launch(RunExecution execution) {
        execution.finishedReading(store);
        live.add(execution);
        execution.finished().whenComplete((record, error) -> live.remove(execution));
        executor.execute(execution);
        return execution;
    }

    /**
     * This process is closing: every run it runs stops at its next safe point, releases its deploy lock and
     * is left to be resumed (it reads as interrupted, not failed). Waits at most {@code grace} for them.
     *
     * @return how many runs had not stopped within the grace; they read as interrupted once this process is gone
     */
    public int stopLiveRuns(String reason, Duration grace) {
        List<RunExecution> stopping = List.copyOf(live);
        stopping.forEach(run -> run.stopForClose(reason));
        CompletableFuture<?> all = CompletableFuture.allOf(stopping.stream().map(RunExecution::finished).toArray(CompletableFuture[]::new));
        try {
            all.get(grace.toMillis(), TimeUnit.MILLISECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (ExecutionException | TimeoutException e) {
            // Counted below: a run still going when the process ends reads as interrupted anyway.
        }
        return (int) stopping.stream().filter(run -> !run.finished().isDone()).count();
    }
}
