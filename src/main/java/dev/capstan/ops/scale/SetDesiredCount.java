package dev.capstan.ops.scale;

import dev.capstan.domain.ServiceStatus;
import dev.capstan.ops.Step;
import dev.capstan.ops.StepContext;
import dev.capstan.ops.StepKind;
import dev.capstan.ops.StepPreview;

/** Sets the new count, unless ECS already wants it: run again after a crash, it changes nothing twice. */
final class SetDesiredCount implements Step {
    private final ScaleService scale;

    SetDesiredCount(ScaleService scale) {
        this.scale = scale;
    }

    @Override
    public String id() {
        return "set-desired-count";
    }

    @Override
    public StepKind kind() {
        return StepKind.CHANGE;
    }

    @Override
    public StepPreview preview() {
        int desired = scale.service().desiredCount();
        return StepPreview.change("Set desired count of " + scale.environment().service() + " from " + desired + " to " + scale.count(), desired, scale.count());
    }

    @Override
    public String run(StepContext context) {
        ServiceStatus now = scale.service();
        if (now.desiredCount() == scale.count()) {
            return "Desired count was already " + scale.count() + "; nothing to change";
        }
        scale.ecs().setDesiredCount(scale.target(), scale.environment().cluster(), scale.environment().service(), scale.count());
        return "Desired count is now " + scale.count() + " (was " + now.desiredCount() + ")";
    }
}
