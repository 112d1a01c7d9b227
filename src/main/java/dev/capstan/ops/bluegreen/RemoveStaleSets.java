package dev.capstan.ops.bluegreen;

import dev.capstan.domain.TaskSetInfo;
import dev.capstan.ops.Step;
import dev.capstan.ops.StepContext;
import dev.capstan.ops.StepKind;
import dev.capstan.ops.StepPreview;
import java.util.List;

/**
 * Before a new set is made: stop and delete the task sets that are not PRIMARY. This removes the rollback target
 * of the deploy before, so the plan names each one. A resumed deploy keeps the set that was PRIMARY when
 * it began (journaled) and its own.
 */
final class RemoveStaleSets implements Step {
    private final BlueGreenDeploy deploy;

    RemoveStaleSets(BlueGreenDeploy deploy) {
        this.deploy = deploy;
    }

    @Override
    public String id() {
        return "remove-stale-task-sets";
    }

    @Override
    public StepKind kind() {
        return StepKind.CHANGE;
    }

    private List<TaskSetInfo> sets() {
        return deploy.services().taskSets().taskSets(deploy.target(), deploy.cluster(), deploy.service());
    }

    @Override
    public StepPreview preview() {
        List<TaskSetInfo> stale = sets().stream().filter(s -> !s.primary()).toList();
        if (stale.isEmpty()) {
            return StepPreview.of("Remove task sets that are not PRIMARY: there are none");
        }
        return StepPreview.change("Stop and delete the " + stale.size() + " task set(s) that are not PRIMARY (this removes the rollback target"
                        + " of the deploy before)", stale.size() + " stale", "0 stale")
                .withDetails(stale.stream().map(s -> "delete task set " + s.id() + " (" + s.taskDefinition().substring(s.taskDefinition().lastIndexOf('/') + 1) + ")").toList());
    }

    @Override
    public String run(StepContext context) {
        String keep = context.fact(BlueGreenDeploy.ORIGINAL_PRIMARY).orElseThrow();
        int removed = 0;
        for (TaskSetInfo set : sets()) {
            if (set.arn().equals(keep) || set.primary() || context.runId().equals(set.externalId())) {
                continue;
            }
            deploy.services().taskSets().deleteTaskSet(deploy.target(), deploy.cluster(), deploy.service(), set.arn());
            context.log("deleted task set " + set.id());
            removed++;
        }
        return removed == 0 ? "No stale task set" : "Deleted " + removed + " stale task set" + (removed == 1 ? "" : "s");
    }
}
