package dev.capstan.ops.rolling;

import dev.capstan.domain.ServiceRollout;
import dev.capstan.domain.ServiceTask;
import dev.capstan.domain.TaskDefinitionNames;
import dev.capstan.ops.Step;
import dev.capstan.ops.StepContext;
import dev.capstan.ops.StepKind;
import dev.capstan.ops.StepPreview;

/**
 * Points the service at the new revision: ECS starts its tasks and stops the old ones within the service's minimum
 * healthy and maximum percent. Done once: a resumed deploy finds the service already on it (or the moment journaled).
 */
final class StartRollout implements Step {
    private final RollingDeploy deploy;

    StartRollout(RollingDeploy deploy) {
        this.deploy = deploy;
    }

    @Override
    public String id() {
        return "update-service";
    }

    @Override
    public StepKind kind() {
        return StepKind.CHANGE;
    }

    @Override
    public StepPreview preview() {
        ServiceRollout now = rollout();
        String pace = "ECS replaces the tasks keeping at least " + now.minimumHealthy() + "% of " + now.desiredCount() + " running and at most "
                + now.maximum() + "%" + (now.minimumHealthyPercent() == null ? " (ECS's defaults; the service reports none)" : "");
        return StepPreview.change("Update " + deploy.environment().service() + " to the new revision. " + pace,
                TaskDefinitionNames.familyRevision(now.taskDefinition()), deploy.request().revision() != null
                        ? TaskDefinitionNames.familyRevision(deploy.request().revision()) : "the new revision");
    }

    @Override
    public String run(StepContext context) {
        String revision = context.fact(RollingDeploy.NEW_TASK_DEFINITION).orElseThrow();
        boolean triedBefore = context.fact(RollingDeploy.ROLLOUT_STARTED).isPresent();
        // The fact says the call may have been made, not that it was (it failed, or the console died): the service says which.
        if (triedBefore && revision.equals(rollout().taskDefinition())) {
            return "The service was pointed at " + TaskDefinitionNames.familyRevision(revision) + " before";
        }
        // Journaled before the call: a console killed just after it still judges only the tasks this rollout started. The tasks
        // there were before are named, not dated: ECS stand-ins may give a task no creation time.
        context.rememberOnce(RollingDeploy.TASKS_BEFORE, deploy.services().ecs().serviceTaskDetails(deploy.target(), deploy.environment().cluster(),
                deploy.environment().service()).stream().map(ServiceTask::arn).toList());
        context.rememberOnce(RollingDeploy.ROLLOUT_STARTED, Long.toString(deploy.services().logs().clock().millis()));
        if (context.fact(RollingDeploy.STOPPED_BY_ECS).isPresent()) {
            return "ECS rolls back to " + TaskDefinitionNames.familyRevision(revision) + " itself; nothing to update";
        }
        deploy.services().rollouts().deploy(deploy.target(), deploy.environment().cluster(), deploy.environment().service(), revision);
        return deploy.environment().service() + " now runs " + TaskDefinitionNames.familyRevision(revision) + "; ECS rolls it out";
    }

    private ServiceRollout rollout() {
        return deploy.services().rollouts().rollout(deploy.target(), deploy.environment().cluster(), deploy.environment().service());
    }
}
