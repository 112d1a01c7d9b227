package dev.capstan.ops.restart;

import dev.capstan.domain.ServiceStatus;
import dev.capstan.ops.Step;
import dev.capstan.ops.StepContext;
import dev.capstan.ops.StepKind;
import dev.capstan.ops.StepPreview;

/** The service's desired count up to the restart's count: ECS starts the new tasks beside the old ones. */
final class RaiseServiceCount implements Step {
    private final RollingRestart restart;

    RaiseServiceCount(RollingRestart restart) {
        this.restart = restart;
    }

    @Override
    public String id() {
        return "raise-service-count";
    }

    @Override
    public StepKind kind() {
        return StepKind.CHANGE;
    }

    @Override
    public StepPreview preview() {
        int now = restart.service().desiredCount();
        int count = restart.request().count();
        return StepPreview.change("Raise the desired count of " + restart.serviceName() + " from " + now + " to " + count
                + ": ECS starts " + (count - now) + " new tasks beside the old ones", now, count);
    }

    @Override
    public String run(StepContext context) {
        ServiceStatus now = restart.service();
        int count = restart.request().count();
        if (now.desiredCount() == count) {
            return "The desired count was already " + count;
        }
        restart.services().ecs().setDesiredCount(restart.target(), restart.environment().cluster(), restart.serviceName(), count);
        return "Desired count is now " + count + " (was " + now.desiredCount() + ")";
    }
}
