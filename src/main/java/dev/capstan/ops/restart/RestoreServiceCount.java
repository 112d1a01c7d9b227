package dev.capstan.ops.restart;

import dev.capstan.ops.Step;
import dev.capstan.ops.StepContext;
import dev.capstan.ops.StepKind;
import dev.capstan.ops.StepPreview;
import java.util.function.IntSupplier;
import java.util.function.ToIntFunction;

/** Puts the service's desired count back to what it was before the restart. */
final class RestoreServiceCount implements Step {
    private final OnService on;
    private final IntSupplier countBefore;
    private final IntSupplier plannedCount;
    private final ToIntFunction<StepContext> count;

    /**
     * @param countBefore  what the desired count will be when this step comes (for the plan)
     * @param plannedCount the count to put back as the plan can know it
     * @param count        the count to put back when the step runs (from the journal)
     */
    RestoreServiceCount(OnService on, IntSupplier countBefore, IntSupplier plannedCount, ToIntFunction<StepContext> count) {
        this.on = on;
        this.countBefore = countBefore;
        this.plannedCount = plannedCount;
        this.count = count;
    }

    @Override
    public String id() {
        return "restore-service-count";
    }

    @Override
    public StepKind kind() {
        return StepKind.CHANGE;
    }

    @Override
    public StepPreview preview() {
        int before = countBefore.getAsInt();
        int after = plannedCount.getAsInt();
        return StepPreview.change("Put the desired count of " + on.serviceName() + " back from " + before + " to " + after, before, after);
    }

    @Override
    public String run(StepContext context) {
        int wanted = count.applyAsInt(context);
        int now = on.desiredCount();
        if (now == wanted) {
            return "The desired count was already " + wanted;
        }
        on.services().ecs().setDesiredCount(on.target(), on.environment().cluster(), on.serviceName(), wanted);
        return "Desired count is back to " + wanted + " (was " + now + ")";
    }
}
