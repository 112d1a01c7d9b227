package dev.capstan.ops.restart;

import dev.capstan.domain.ScalingGroup;
import dev.capstan.domain.ServiceTask;
import dev.capstan.ops.Step;
import dev.capstan.ops.StepContext;
import dev.capstan.ops.Wait;
import dev.capstan.ops.StepKind;
import dev.capstan.ops.StepPreview;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/**
 * The end of putting a restart's counts back: ECS has trimmed the surplus tasks, the group has
 * terminated its surplus instances, and ECS has let go of them (and replaced any task that ran on one). Until then the
 * service is still moving, and whatever comes next (a new restart, a deploy) would start from tasks
 * that are about to go.
 */
final class WaitCountsSettled implements Step {
    private final OnService on;
    private final int count;
    private final String group;
    private final Integer groupCapacity;
    private final Duration timeout;

    /** @param group the auto scaling group whose capacity was put back, or null */
    WaitCountsSettled(OnService on, int count, String group, Integer groupCapacity, Duration timeout) {
        this.on = on;
        this.count = count;
        this.group = group;
        this.groupCapacity = groupCapacity;
        this.timeout = timeout;
    }

    @Override
    public String id() {
        return "wait-counts-settled";
    }

    @Override
    public StepKind kind() {
        return StepKind.WAIT;
    }

    @Override
    public StepPreview preview() {
        String instances = group == null ? "" : ", and " + group + " has " + groupCapacity + " instances in service";
        return StepPreview.of("Wait until " + on.serviceName() + " runs " + count + " tasks, none starting or stopping" + instances
                + " (at most " + Wait.human(timeout) + ")");
    }

    @Override
    public String run(StepContext context) {
        String counts = context.waitUntil(Wait.<String>forThe("putting the counts back").atMost(timeout).every(on.services().poll())
                .measuredBy(on.services().clock()).looking(() -> {
            List<ServiceTask> tasks = on.services().ecs().serviceTaskDetails(on.target(), on.environment().cluster(), on.serviceName());
            long running = tasks.stream().filter(ServiceTask::running).count();
            List<String> pending = new ArrayList<>();
            for (ServiceTask task : tasks) {
                if ("RUNNING".equals(task.desiredStatus()) && !task.running()) {
                    pending.add("task " + task.shortId() + " is " + task.lastStatus());
                } else if ("STOPPED".equals(task.desiredStatus()) && !"STOPPED".equals(task.lastStatus())) {
                    pending.add("task " + task.shortId() + " is stopping (" + task.lastStatus() + ")");
                }
            }
            if (running != count) {
                pending.add(running + " tasks run where " + count + " are wanted");
            }
            String line = "running " + running + " of " + count;
            if (group != null) {
                ScalingGroup g = on.services().autoScaling().group(on.target(), group);
                line += ", group " + g.inService() + "/" + g.desiredCapacity() + " in service";
                if (g.instances().size() != groupCapacity || g.inService() != groupCapacity) {
                    pending.add(group + " has " + g.instances().size() + " instances, " + g.inService() + " in service, where "
                            + groupCapacity + " are wanted");
                }
                pending.addAll(LeavingInstances.stillInCluster(on, context, g));
            }
            return new Wait.Look<>(line, line, pending.isEmpty(), pending);
        }));
        return on.serviceName() + " has settled: " + counts;
    }
}
