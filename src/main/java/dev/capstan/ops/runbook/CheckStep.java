package dev.capstan.ops.runbook;

import dev.capstan.domain.Environment;
import dev.capstan.domain.Runbook;
import dev.capstan.ops.Step;
import dev.capstan.ops.StepContext;
import dev.capstan.ops.StepKind;
import dev.capstan.ops.StepPreview;
import dev.capstan.ops.verify.Check;
import dev.capstan.ops.verify.CheckOutcome;
import java.util.Map;

/** Runs one check when the step is reached; its evidence goes into the run's log either way, and a failure stops the run there. */
final class CheckStep implements Step {
    private final Runbook.CheckCall step;
    private final Environment environment;
    private final Map<String, String> values;
    private final RunbookServices services;

    CheckStep(Runbook.CheckCall step, Environment environment, Map<String, String> values, RunbookServices services) {
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
        return StepKind.READ;
    }

    private Map<String, String> with() {
        return Runbook.fill(step.with(), values);
    }

    @Override
    public StepPreview preview() {
        Check check = services.checks().require(step.check());
        return StepPreview.of("Check: " + Runbook.fill(step.title(), values) + " (" + check.describe(environment, with()) + ")");
    }

    @Override
    public String run(StepContext context) throws Exception {
        var since = RunbookSteps.startedAt(context, services.clock().instant());
        CheckOutcome outcome = services.checks().require(step.check()).run(environment, with(), since);
        outcome.evidence().forEach(line -> context.log("evidence: " + line));
        if (!outcome.passed()) {
            throw new IllegalStateException("Check " + step.check() + " failed: " + outcome.summary() + " (" + String.join("; ", outcome.evidence())
                    + "). Fix it, then resume the runbook to check again.");
        }
        return "Passed: " + outcome.summary();
    }
}
