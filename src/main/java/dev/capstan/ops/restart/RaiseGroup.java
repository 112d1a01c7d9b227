package dev.capstan.ops.restart;

import dev.capstan.domain.ScalingGroup;
import dev.capstan.ops.Step;
import dev.capstan.ops.StepContext;
import dev.capstan.ops.StepKind;
import dev.capstan.ops.StepPreview;

/** As the restart by hand goes: "set the desired group capacity to be equal to the maximum capacity", so the new tasks have instances to run on. */
final class RaiseGroup implements Step {
    private final RollingRestart restart;

    RaiseGroup(RollingRestart restart) {
        this.restart = restart;
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
        return restart.services().autoScaling().group(restart.target(), restart.request().group());
    }

    @Override
    public StepPreview preview() {
        ScalingGroup g = group();
        return StepPreview.change("Raise the desired capacity of auto scaling group " + g.name() + " from " + g.desiredCapacity()
                + " to its maximum, " + g.maxSize(), g.desiredCapacity(), g.maxSize());
    }

    @Override
    public String run(StepContext context) {
        ScalingGroup g = group();
        if (g.desiredCapacity() >= g.maxSize()) {
            return g.name() + " already wanted " + g.desiredCapacity() + " instances, its maximum";
        }
        restart.services().autoScaling().setDesiredCapacity(restart.target(), g.name(), g.maxSize());
        return g.name() + " now wants " + g.maxSize() + " instances (was " + g.desiredCapacity() + ")";
    }
}
