package dev.capstan.domain;

import java.util.List;
import java.util.Optional;

/** How many tasks of a revision fit on an instance of the cluster, and so on a group at its maximum. */
public final class GroupCapacity {
    private GroupCapacity() {
    }

    /**
     * Tasks per instance from the first active instance's registered CPU and memory; one when a container
     * maps a fixed host port. In bridge and host modes two tasks cannot share that port; in awsvpc mode the
     * bound is the instance's network interfaces, which ECS does not report, so one an instance is the
     * careful reading (and the common rule of thumb: as many tasks as instances). Empty when nothing can be read.
     */
    public static Optional<Integer> perInstance(TaskDefRevision revision, List<ContainerInstanceInfo> instances) {
        boolean fixedPort = revision.containers().stream().flatMap(c -> c.ports().stream())
                .anyMatch(p -> p.hostPort() != null && p.hostPort() != 0);
        Optional<ContainerInstanceInfo> instance = instances.stream().filter(ContainerInstanceInfo::active).findFirst();
        if (instance.isEmpty()) {
            return fixedPort ? Optional.of(1) : Optional.empty();
        }
        int cpu = need(revision.cpu(), revision.containers().stream().mapToInt(c -> c.cpu() == null ? 0 : c.cpu()).sum());
        int memory = need(revision.memory(), revision.containers().stream().mapToInt(c -> c.memory() == null ? 0 : c.memory()).sum());
        int fits = Integer.MAX_VALUE;
        if (cpu > 0) {
            fits = Math.min(fits, instance.get().registeredCpu() / cpu);
        }
        if (memory > 0) {
            fits = Math.min(fits, instance.get().registeredMemory() / memory);
        }
        if (fixedPort) {
            fits = Math.min(fits, 1);
        }
        return fits == Integer.MAX_VALUE ? Optional.empty() : Optional.of(fits);
    }

    /** The task-level figure when the revision sets one (Fargate-style), else the containers' sum. */
    private static int need(String taskLevel, int containerSum) {
        if (taskLevel != null && taskLevel.matches("\\d+")) {
            return Integer.parseInt(taskLevel);
        }
        return containerSum;
    }
}
