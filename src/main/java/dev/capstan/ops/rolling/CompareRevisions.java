package dev.capstan.ops.rolling;

import dev.capstan.domain.TaskDefRevision;
import dev.capstan.ops.Step;
import dev.capstan.ops.StepContext;
import dev.capstan.ops.StepKind;
import dev.capstan.ops.StepPreview;
import java.util.List;

/** A rollback's first look: what differs between the revision that runs and the one it goes back to, shown in the plan and logged. */
final class CompareRevisions implements Step {
    private final RollingDeploy rollback;

    CompareRevisions(RollingDeploy rollback) {
        this.rollback = rollback;
    }

    @Override
    public String id() {
        return "compare-revisions";
    }

    @Override
    public StepKind kind() {
        return StepKind.READ;
    }

    @Override
    public StepPreview preview() {
        List<String> diff = diff();
        // The differences are the step's own text, so the plan shows them without a click; its details list them for copying.
        return StepPreview.of("What goes back: " + RolloutLook.name(serving().arn()) + " → " + RolloutLook.name(rollback.request().revision())
                + (diff.isEmpty() ? ": the same images, environment and sizes" : "\n" + String.join("\n", diff))).withDetails(diff);
    }

    @Override
    public String run(StepContext context) {
        List<String> diff = diff();
        diff.forEach(context::log);
        return diff.isEmpty() ? "The two revisions run the same images, environment and sizes" : diff.size() + " differences";
    }

    private TaskDefRevision serving() {
        RollingServices s = rollback.services();
        String now = s.rollouts().rollout(rollback.target(), rollback.environment().cluster(), rollback.environment().service()).taskDefinition();
        return s.taskDefinitions().revision(rollback.target(), now);
    }

    List<String> diff() {
        return RevisionDiff.between(serving(), rollback.services().taskDefinitions().revision(rollback.target(), rollback.request().revision()));
    }
}
