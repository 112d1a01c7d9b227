package dev.capstan.ops.runbook;

import dev.capstan.domain.Environment;
import dev.capstan.domain.Runbook;
import dev.capstan.ops.Decision;
import dev.capstan.ops.Operation;
import dev.capstan.ops.Plan;
import dev.capstan.ops.PlannedStep;
import dev.capstan.ops.RunHandle;
import dev.capstan.ops.RunListener;
import dev.capstan.ops.RunOutcome;
import dev.capstan.ops.RunRecord;
import dev.capstan.ops.Runner;
import dev.capstan.ops.Step;
import dev.capstan.ops.StepContext;
import dev.capstan.ops.StepKind;
import dev.capstan.ops.StepPreview;
import java.time.Duration;
import java.util.Map;

/**
 * Runs one of Capstan's operations as a run of its own (its plan confirmed by the person, its own journal,
 * its own deploy lock), and waits for it. The child run's id is journaled at once, so a resumed runbook
 * goes back to that run: done if it succeeded, resumed if it stopped, never started twice.
 */
final class OperationStep implements Step {
    private static final Duration POLL = Duration.ofMillis(500);
    private final Runbook.OperationCall step;
    private final Environment environment;
    private final Map<String, String> values;
    private final RunbookServices services;

    OperationStep(Runbook.OperationCall step, Environment environment, Map<String, String> values, RunbookServices services) {
        this.step = step;
        this.environment = environment;
        this.values = values;
        this.services = services;
    }

    @Override
    public String id() {
        return step.id();
    }

    @Override
    public StepKind kind() {
        return StepKind.CHANGE;
    }

    Map<String, String> with() {
        return Runbook.fill(step.with(), values);
    }

    @Override
    public StepPreview preview() {
        // Its own plan (read from the estate as it is then) is shown when the step is reached.
        return StepPreview.of("Operation: " + Runbook.fill(step.title(), values) + " (" + step.operation() + ")")
                .withDetails(with().entrySet().stream().map(e -> e.getKey() + " = " + e.getValue()).toList());
    }

    @Override
    public String run(StepContext context) throws Exception {
        RunbookSteps.startedAt(context, services.clock().instant());
        Runner runner = services.runner().get();
        String childKey = "run:" + step.id();
        RunHandle handle;
        String child = context.fact(childKey).orElse(null);
        if (child != null) {
            RunRecord earlier = runner.store().read(child);
            if (earlier.outcome() == RunOutcome.SUCCEEDED) {
                return summary(earlier);
            }
            if (earlier.outcome() == RunOutcome.RUNNING) {
                return summary(waitFor(context, runner, child));
            }
            if (!earlier.outcome().resumable()) {
                throw new IllegalStateException("The operation's run " + child + " ended " + earlier.outcome() + "; abandon this runbook run and start it again.");
            }
            context.log("resuming the operation's run " + child);
            Decision decision = RunbookSteps.await(context, services.attendants().current().ask(runner.resumeConfirmation(earlier, environment)));
            refuseIfDeclined(decision);
            handle = runner.resume(child, environment, decision, relay(context));
        } else {
            Operation operation = services.runner().get().types().fromWords(step.operation(), environment, with());
            Plan plan = runner.plan(operation);
            Decision decision = RunbookSteps.await(context, services.attendants().current().ask(runner.confirmationFor(operation, plan)));
            refuseIfDeclined(decision);
            handle = runner.start(operation, plan, decision, relay(context));
            context.rememberOnce(childKey, handle.runId());
            context.log("started run " + handle.runId() + ": " + operation.title());
        }
        RunRecord done = RunbookSteps.await(context, handle.finished());
        if (done.outcome() != RunOutcome.SUCCEEDED) {
            throw new IllegalStateException("The operation's run " + done.id() + " (" + done.title() + ") ended " + done.outcome()
                    + (done.error() == null ? "" : ": " + done.error()) + ". Resume the runbook to resume that run.");
        }
        return summary(done);
    }

    private static void refuseIfDeclined(Decision decision) {
        if (!decision.approved()) {
            throw new IllegalStateException("The operation's plan was not confirmed; resume the runbook to be asked again.");
        }
    }

    /** Another console runs the child now: wait for its end in the journal. */
    private static RunRecord waitFor(StepContext context, Runner runner, String child) {
        while (true) {
            RunRecord now = runner.store().read(child);
            if (now.outcome() != RunOutcome.RUNNING) {
                if (now.outcome() != RunOutcome.SUCCEEDED) {
                    throw new IllegalStateException("The operation's run " + child + " ended " + now.outcome() + ".");
                }
                return now;
            }
            context.pause(POLL);
        }
    }

    private static String summary(RunRecord run) {
        return "Run " + run.id() + " (" + run.title() + ") succeeded" + run.duration().map(d -> " in " + dev.capstan.ops.RunReport.human(d)).orElse("");
    }

    /** The child's progress, a line each, in the runbook's log too. */
    private static RunListener relay(StepContext context) {
        return new RunListener() {
            @Override
            public void stepDone(PlannedStep planned, String summary) {
                context.log(planned.number() + ". " + summary);
            }

            @Override
            public void stepFailed(PlannedStep planned, String error) {
                context.log(planned.number() + ". failed: " + error);
            }
        };
    }
}
