package dev.capstan.ops.restart;

import dev.capstan.domain.ServiceTask;
import dev.capstan.ops.Step;
import dev.capstan.ops.StepContext;
import dev.capstan.ops.StepKind;
import dev.capstan.ops.StepPreview;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * Stops exactly the tasks journaled as old when the run began (the console way: "stop any tasks whose Started At
 * is from before"), each only if ECS still means to run it, so a resumed run never stops a task twice and
 * never touches a new one.
 */
final class StopOldTasks implements Step {
    private final RollingRestart restart;

    StopOldTasks(RollingRestart restart) {
        this.restart = restart;
    }

    @Override
    public String id() {
        return "stop-old-tasks";
    }

    @Override
    public StepKind kind() {
        return StepKind.CHANGE;
    }

    @Override
    public StepPreview preview() {
        List<ServiceTask> running = restart.services().ecs().serviceTaskDetails(restart.target(), restart.environment().cluster(),
                restart.serviceName()).stream().filter(t -> "RUNNING".equals(t.desiredStatus())).toList();
        return StepPreview.change("Stop the " + running.size() + " tasks that ran before the restart began (never a new one)",
                        running.size() + " old", "0 old")
                .withDetails(running.stream().map(t -> "stop task " + t.id()).toList());
    }

    @Override
    public String run(StepContext context) {
        List<String> old = context.factList(RollingRestart.OLD_TASKS).orElseThrow();
        Map<String, ServiceTask> now = restart.services().ecs().serviceTaskDetails(restart.target(), restart.environment().cluster(),
                restart.serviceName()).stream().collect(Collectors.toMap(ServiceTask::arn, Function.identity(), (a, b) -> a));
        int stopped = 0;
        for (String arn : old) {
            context.checkCancelled();
            ServiceTask task = now.get(arn);
            String id = arn.substring(arn.lastIndexOf('/') + 1);
            if (task == null || !"RUNNING".equals(task.desiredStatus())) {
                context.log("task " + id + " had already stopped" + (task != null && task.stoppedReason() != null ? ": " + task.stoppedReason() : ""));
                continue;
            }
            restart.services().ecs().stopTask(restart.target(), restart.environment().cluster(), arn,
                    "Rolling restart by " + context.operator() + " (Capstan run " + context.runId() + "): replaced by new tasks");
            context.log("stopped task " + id);
            stopped++;
        }
        return "Stopped " + stopped + " old task" + (stopped == 1 ? "" : "s") + (stopped < old.size() ? " (" + (old.size() - stopped)
                + " had already stopped)" : "");
    }
}
