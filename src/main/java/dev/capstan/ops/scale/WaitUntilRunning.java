package dev.capstan.ops.scale;

import dev.capstan.domain.TaskState;
import dev.capstan.ops.Step;
import dev.capstan.ops.StepContext;
import dev.capstan.ops.StepKind;
import dev.capstan.ops.StepPreview;
import dev.capstan.ops.Wait;
import java.util.List;

/** Waits until ECS runs exactly the count, none on the way, counted from the tasks themselves. */
final class WaitUntilRunning implements Step {
    private final ScaleService scale;

    WaitUntilRunning(ScaleService scale) {
        this.scale = scale;
    }

    @Override
    public String id() {
        return "wait-running";
    }

    @Override
    public StepKind kind() {
        return StepKind.WAIT;
    }

    @Override
    public StepPreview preview() {
        return StepPreview.of("Wait until " + scale.environment().service() + " runs " + scale.count() + " tasks with none pending (at most "
                + scale.timeout().toMinutes() + " min " + scale.timeout().toSecondsPart() + " s)");
    }

    @Override
    public String run(StepContext context) {
        context.waitUntil(Wait.<String>forThe("the scale").atMost(scale.timeout()).every(ScaleService.POLL).measuredBy(scale.clock())
                .looking(() -> {
            // Counted from the tasks themselves: a service's runningCount can lag behind them.
            List<TaskState> tasks = scale.ecs().serviceTasks(scale.target(), scale.environment().cluster(), scale.environment().service());
            long running = tasks.stream().filter(TaskState::running).count();
            String counts = "running " + running + ", on their way " + (tasks.size() - running) + ", wanted " + scale.count();
            return new Wait.Look<>(counts, counts, running == scale.count() && tasks.size() == scale.count(), List.of());
        }).orFail(last -> "After " + scale.timeout().toSeconds() + " s " + scale.environment().service() + " has " + last.found()
                + "; look at its events and its stopped tasks."));
        return scale.environment().service() + " runs " + scale.count() + " tasks";
    }
}
