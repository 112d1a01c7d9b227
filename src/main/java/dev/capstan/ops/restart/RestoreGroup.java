package dev.capstan.ops.restart;

import dev.capstan.domain.ScalingGroup;
import dev.capstan.ops.Step;
import dev.capstan.ops.StepContext;
import dev.capstan.ops.StepKind;
import dev.capstan.ops.StepPreview;
import java.util.function.IntSupplier;
import java.util.function.ToIntFunction;

/**
 * Puts the auto scaling group's desired capacity back. The group chooses which instances to terminate;
 * ECS moves any task that ran on them, which the restart's last wait watches.
 */
final class RestoreGroup implements Step {
    private final OnService on;
    private final String group;
    private final IntSupplier capacityBefore;
    private final IntSupplier plannedCapacity;
    private final ToIntFunction<StepContext> capacity;

    /** As {@link RestoreServiceCount}: the capacity when the step comes, the one to put back as planned, and as journaled. */
    RestoreGroup(OnService on, String group, IntSupplier capacityBefore, IntSupplier plannedCapacity, ToIntFunction<StepContext> capacity) {
        this.on = on;
        this.group = group;
        this.capacityBefore = capacityBefore;
        this.plannedCapacity = plannedCapacity;
        this.capacity = capacity;
    }

    @Override
    public String id() {
        return "restore-group";
    }

    @Override
    public StepKind kind() {
        return StepKind.CHANGE;
    }

    @Override
    public StepPreview preview() {
        int before = capacityBefore.getAsInt();
        int after = plannedCapacity.getAsInt();
        return StepPreview.change("Put the desired capacity of " + group + " back from " + before + " to " + after
                + " (the group picks which instances to terminate)", before, after);
    }

    @Override
    public String run(StepContext context) {
        int wanted = capacity.applyAsInt(context);
        ScalingGroup g = on.services().autoScaling().group(on.target(), group);
        LeavingInstances.remember(context, g);
        if (g.desiredCapacity() == wanted) {
            return group + " already wanted " + wanted + " instances";
        }
        on.services().autoScaling().setDesiredCapacity(on.target(), group, wanted);
        return group + " wants " + wanted + " instances again (was " + g.desiredCapacity() + ")";
    }
}
