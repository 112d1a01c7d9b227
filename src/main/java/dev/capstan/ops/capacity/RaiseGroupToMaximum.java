package dev.capstan.ops.capacity;

import dev.capstan.aws.AutoScalingGateway;
import dev.capstan.domain.AwsTarget;
import dev.capstan.domain.ScalingGroup;
import dev.capstan.ops.Step;
import dev.capstan.ops.StepContext;
import dev.capstan.ops.StepKind;
import dev.capstan.ops.StepPreview;
import java.util.function.Supplier;

/**
 * As the runbooks do by hand, "set the desired group capacity to be equal to the maximum capacity": room on new instances for
 * new tasks beside the old ones. A restart and a rolling deploy both take this step; each says why in its own words.
 */
public final class RaiseGroupToMaximum implements Step {
    private final AutoScalingGateway autoScaling;
    private final Supplier<AwsTarget> target;
    private final String group;
    private final String why;
    private final String after;

    /**
     * @param why   what the plan adds after the change, such as ", so ECS has room …"; may be empty
     * @param after what the run's summary adds once the group was raised; may be empty
     */
    public RaiseGroupToMaximum(AutoScalingGateway autoScaling, Supplier<AwsTarget> target, String group, String why, String after) {
        this.autoScaling = autoScaling;
        this.target = target;
        this.group = group;
        this.why = why;
        this.after = after;
    }

    @Override
    public String id() {
        return "raise-group";
    }

    @Override
    public StepKind kind() {
        return StepKind.CHANGE;
    }

    @Override
    public StepPreview preview() {
        ScalingGroup g = autoScaling.group(target.get(), group);
        return StepPreview.change("Raise the desired capacity of auto scaling group " + g.name() + " from " + g.desiredCapacity()
                + " to its maximum, " + g.maxSize() + why, g.desiredCapacity(), g.maxSize());
    }

    @Override
    public String run(StepContext context) {
        ScalingGroup g = autoScaling.group(target.get(), group);
        if (g.desiredCapacity() >= g.maxSize()) {
            return g.name() + " already wanted " + g.desiredCapacity() + " instances, its maximum";
        }
        autoScaling.setDesiredCapacity(target.get(), g.name(), g.maxSize());
        return g.name() + " now wants " + g.maxSize() + " instances (was " + g.desiredCapacity() + ")" + after;
    }
}
