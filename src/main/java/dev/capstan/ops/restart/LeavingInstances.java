package dev.capstan.ops.restart;

import dev.capstan.domain.ContainerInstanceInfo;
import dev.capstan.domain.ScalingGroup;
import dev.capstan.ops.StepContext;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * The instances a group lets go of when its capacity is put back. The group reports them gone at once, but
 * their tasks keep running, and keep counting as healthy, until ECS notices the host is gone, stops them
 * and starts replacements elsewhere: a wait for a settled service must also wait until ECS has let go of
 * every instance the group did.
 */
final class LeavingInstances {
    /** The ids of the group's instances just before its capacity was put back. */
    static final String BEFORE = "groupInstancesBeforeRestore";

    private LeavingInstances() {
    }

    /** Journals the group's instances before the capacity goes back (a resumed run keeps what the first attempt saw). */
    static void remember(StepContext context, ScalingGroup group) {
        context.rememberOnce(BEFORE, group.instances().stream().map(ScalingGroup.Instance::id).toList());
    }

    /** One line for each instance the group let go of that ECS still has in the cluster; empty once ECS has let go of all. */
    static List<String> stillInCluster(OnService on, StepContext context, ScalingGroup group) {
        Set<String> leaving = new HashSet<>(context.factList(BEFORE).orElse(List.of()));
        group.instances().stream().filter(ScalingGroup.Instance::inService).forEach(i -> leaving.remove(i.id()));
        if (leaving.isEmpty()) {
            return List.of();
        }
        List<String> pending = new ArrayList<>();
        for (ContainerInstanceInfo instance : on.services().ecs().containerInstances(on.target(), on.environment().cluster())) {
            boolean registered = "ACTIVE".equals(instance.status()) || "DRAINING".equals(instance.status());
            if (registered && leaving.contains(instance.ec2InstanceId())) {
                pending.add("instance " + instance.ec2InstanceId() + " has left " + group.name() + ", but ECS still has it in the cluster with "
                        + instance.runningTasks() + " tasks");
            }
        }
        return pending;
    }
}
