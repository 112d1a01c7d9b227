package dev.capstan.ops.rolling;

import dev.capstan.domain.ServiceRollout;
import dev.capstan.domain.TaskDefinitionNames;
import dev.capstan.ops.Step;
import dev.capstan.ops.StepContext;
import dev.capstan.ops.StepKind;
import dev.capstan.ops.StepPreview;

/** Reads what the service runs before the deploy: the revision a rollback of this deploy goes back to. Journaled once. */
final class ReadService implements Step {
    private final RollingDeploy deploy;

    ReadService(RollingDeploy deploy) {
        this.deploy = deploy;
    }

    @Override
    public String id() {
        return "read-service";
    }

    @Override
    public StepKind kind() {
        return StepKind.READ;
    }

    @Override
    public StepPreview preview() {
        ServiceRollout now = read();
        return StepPreview.of("Read what " + deploy.environment().service() + " runs now (" + TaskDefinitionNames.familyRevision(now.taskDefinition())
                + ", " + now.runningCount() + " of " + now.desiredCount() + " tasks running)");
    }

    @Override
    public String run(StepContext context) {
        if (context.fact(RollingDeploy.BASE_TASK_DEFINITION).isPresent()) {
            return "Ran " + TaskDefinitionNames.familyRevision(context.fact(RollingDeploy.BASE_TASK_DEFINITION).get()) + " before this deploy (read earlier)";
        }
        ServiceRollout now = read();
        if (!ServiceRollout.ECS.equals(now.controller())) {
            throw new IllegalStateException(deploy.environment().service() + " is now deployed by the " + now.controller()
                    + " controller, not ECS's rolling one; start the deploy again.");
        }
        context.rememberOnce(RollingDeploy.BASE_TASK_DEFINITION, now.taskDefinition());
        return deploy.environment().service() + " runs " + TaskDefinitionNames.familyRevision(now.taskDefinition()) + " with "
                + now.runningCount() + " of " + now.desiredCount() + " tasks";
    }

    private ServiceRollout read() {
        return deploy.services().rollouts().rollout(deploy.target(), deploy.environment().cluster(), deploy.environment().service());
    }
}
