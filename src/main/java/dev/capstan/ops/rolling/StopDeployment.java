package dev.capstan.ops.rolling;

import dev.capstan.ops.Step;
import dev.capstan.ops.StepContext;
import dev.capstan.ops.StepKind;
import dev.capstan.ops.StepPreview;

/**
 * Stop and roll back: asks ECS to stop the deployment in progress with ROLLBACK (StopServiceDeployment) where ECS offers it;
 * where it does not, the next step points the service back at the old revision itself. Says which it did.
 */
final class StopDeployment implements Step {
    private final RollingDeploy rollback;

    StopDeployment(RollingDeploy rollback) {
        this.rollback = rollback;
    }

    @Override
    public String id() {
        return "stop-deployment";
    }

    @Override
    public StepKind kind() {
        return StepKind.CHANGE;
    }

    @Override
    public StepPreview preview() {
        return StepPreview.of("Stop the deployment in progress: StopServiceDeployment with ROLLBACK where ECS offers it, else UpdateService back to "
                + RolloutLook.name(rollback.request().revision()));
    }

    @Override
    public String run(StepContext context) {
        if (context.fact(RollingDeploy.STOPPED_BY_ECS).isPresent()) {
            return "ECS was asked to stop the deployment and roll back (earlier)";
        }
        boolean stopped = rollback.services().rollouts().stopAndRollBack(rollback.target(), rollback.environment().cluster(),
                rollback.environment().service());
        if (stopped) {
            context.rememberOnce(RollingDeploy.STOPPED_BY_ECS, "true");
            return "ECS stopped the deployment in progress and rolls it back (StopServiceDeployment with ROLLBACK)";
        }
        return "This ECS does not stop deployments (no StopServiceDeployment, or no deployment in progress it reports): "
                + "the service is pointed back at " + RolloutLook.name(rollback.request().revision()) + " with UpdateService instead";
    }
}
