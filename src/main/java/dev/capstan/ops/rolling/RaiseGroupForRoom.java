package dev.capstan.ops.rolling;

import dev.capstan.domain.ScalingGroup;
import dev.capstan.ops.Step;
import dev.capstan.ops.StepContext;
import dev.capstan.ops.StepKind;
import dev.capstan.ops.StepPreview;

/**
 * Room for the rollout, as the restart makes it: the environment's auto scaling group raised to its maximum before ECS starts the
 * new tasks, and left there for the group's own policies to shrink (taking an instance back now could take a new task with it).
 */
final class RaiseGroupForRoom implements Step {
    private final RollingDeploy deploy;

    RaiseGroupForRoom(RollingDeploy deploy) {
        this.deploy = deploy;
    }

    @Override
    public String id() {
        return "raise-group";
    }

    @Override
    public StepKind kind() {
        return StepKind.CHANGE;
    }

    private ScalingGroup group() {
        return deploy.services().autoScaling().group(deploy.target(), deploy.environment().autoScalingGroup());
    }

    @Override
    public StepPreview preview() {
        ScalingGroup g = group();
        return StepPreview.change("Raise the desired capacity of auto scaling group " + g.name() + " from " + g.desiredCapacity()
                + " to its maximum, " + g.maxSize() + ", so ECS has room for new tasks beside the old (left there afterwards)",
                g.desiredCapacity(), g.maxSize());
    }

    @Override
    public String run(StepContext context) {
        ScalingGroup g = group();
        if (g.desiredCapacity() >= g.maxSize()) {
            return g.name() + " already wants " + g.desiredCapacity() + " instances, its maximum";
        }
        deploy.services().autoScaling().setDesiredCapacity(deploy.target(), g.name(), g.maxSize());
        return g.name() + " now wants " + g.maxSize() + " instances (was " + g.desiredCapacity() + "); ECS places the new tasks as they join";
    }
}
