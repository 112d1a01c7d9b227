package dev.capstan.ops.restart;

import dev.capstan.domain.ScalingGroup;
import dev.capstan.domain.ServiceStatus;
import dev.capstan.domain.ServiceTask;
import dev.capstan.domain.TaskState;
import dev.capstan.ops.Step;
import dev.capstan.ops.StepContext;
import dev.capstan.ops.StepKind;
import dev.capstan.ops.StepPreview;
import java.util.List;

/** Journals what the end of the restart relies on: the counts to put back and the tasks that are "old". */
final class ReadStartingPoint implements Step {
    private final RollingRestart restart;

    ReadStartingPoint(RollingRestart restart) {
        this.restart = restart;
    }

    @Override
    public String id() {
        return "read-starting-point";
    }

    @Override
    public StepKind kind() {
        return StepKind.READ;
    }

    @Override
    public StepPreview preview() {
        List<String> tasks = oldTasks();
        String group = restart.request().usesGroup() ? " and the capacity of " + restart.request().group() : "";
        return StepPreview.of("Remember the desired count of " + restart.serviceName() + group + ", and its " + tasks.size()
                        + " running tasks: these are stopped once the new ones are healthy")
                .withDetails(tasks.stream().map(arn -> "old task " + arn.substring(arn.lastIndexOf('/') + 1)).toList());
    }

    private List<String> oldTasks() {
        return restart.services().ecs().serviceTasks(restart.target(), restart.environment().cluster(), restart.serviceName()).stream()
                .map(TaskState::arn).toList();
    }

    @Override
    public String run(StepContext context) {
        // A resumed run keeps what the first attempt read: by now the service may be half-way through the restart.
        // Wall-clock time, not the waits' clock: it is compared with the timestamps CloudWatch gives log lines.
        context.rememberOnce(RollingRestart.BEGAN_AT, Long.toString(System.currentTimeMillis()));
        ServiceStatus service = restart.service();
        String count = context.rememberOnce(RollingRestart.ORIGINAL_COUNT, Integer.toString(service.desiredCount()));
        List<String> old = context.rememberOnce(RollingRestart.OLD_TASKS, oldTasks());
        // Tasks that had stopped before (an earlier attempt's, say) are neither old nor new: the waits do not report them.
        context.rememberOnce(RollingRestart.STOPPED_BEFORE, restart.services().ecs().serviceTaskDetails(restart.target(),
                restart.environment().cluster(), restart.serviceName()).stream().filter(t -> !"RUNNING".equals(t.desiredStatus()))
                .map(ServiceTask::arn).toList());
        String group = "";
        if (restart.request().usesGroup()) {
            ScalingGroup g = restart.services().autoScaling().group(restart.target(), restart.request().group());
            String capacity = context.rememberOnce(RollingRestart.ORIGINAL_GROUP_CAPACITY, Integer.toString(g.desiredCapacity()));
            group = "; " + g.name() + " wanted " + capacity + " instances (at most " + g.maxSize() + ")";
        }
        old.forEach(arn -> context.log("old task " + arn.substring(arn.lastIndexOf('/') + 1)));
        return restart.serviceName() + " wanted " + count + " tasks and ran " + old.size() + group;
    }
}
