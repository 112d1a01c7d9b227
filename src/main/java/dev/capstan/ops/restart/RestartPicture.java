package dev.capstan.ops.restart;

import dev.capstan.domain.ScalingGroup;
import dev.capstan.domain.ServiceStatus;
import dev.capstan.domain.ServiceTask;
import dev.capstan.domain.TargetGroupInfo;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * A service in the middle of a rolling restart, as one look at ECS, ELB and Auto Scaling saw it: which
 * tasks are old (running before the restart began) and which are new, each target's health, and what is
 * still pending. The waits decide from it and the console draws it.
 *
 * @param targetGroups the names of the service's target groups
 * @param logSeen ids of the new tasks that logged the health pattern (all of them when there is no pattern)
 */
public record RestartPicture(ServiceStatus service, List<ServiceTask> tasks, Set<String> oldTasks, List<String> targetGroups,
                             List<TargetRow> targets, Optional<ScalingGroup> group, String healthLogPattern, Set<String> logSeen, Instant at) {
    public RestartPicture {
        tasks = List.copyOf(tasks);
        targetGroups = List.copyOf(targetGroups);
        oldTasks = Set.copyOf(oldTasks);
        targets = List.copyOf(targets);
        logSeen = Set.copyOf(logSeen);
    }

    /** A target in one of the service's groups, with the task behind it (null when no task of the service is). */
    public record TargetRow(String targetGroup, TargetGroupInfo.Target target, ServiceTask task, boolean oldTask) {
        public String address() {
            return target.id() + ":" + target.port();
        }

        public boolean healthy() {
            return "healthy".equals(target.state());
        }

        /** "unhealthy: Health checks failed with these codes: [502]", or just the state when ELB gives no reason. */
        public String stateWithReason() {
            String why = target.description() != null ? target.description() : target.reason();
            return why == null || why.isBlank() ? target.state() : target.state() + ": " + why;
        }
    }

    public boolean isOld(ServiceTask task) {
        return oldTasks.contains(task.arn());
    }

    /** New tasks ECS still means to run (desired RUNNING), started or on their way. */
    public List<ServiceTask> newTasks() {
        return tasks.stream().filter(t -> !isOld(t) && "RUNNING".equals(t.desiredStatus())).toList();
    }

    /** New tasks that stopped: the reason a restart does not get healthy. */
    public List<ServiceTask> newStopped() {
        return tasks.stream().filter(t -> !isOld(t) && t.stoppingOrStopped()).toList();
    }

    public List<ServiceTask> oldRemaining() {
        return tasks.stream().filter(t -> isOld(t) && "RUNNING".equals(t.desiredStatus())).toList();
    }

    public long running() {
        return tasks.stream().filter(ServiceTask::running).count();
    }

    /** Running, behind a target in every one of the service's target groups, every such target healthy, and the log pattern seen. */
    public boolean healthy(ServiceTask task) {
        if (!task.running() || (healthLogPattern != null && !logSeen.contains(task.id()))) {
            return false;
        }
        List<TargetRow> mine = targetsOf(task);
        return mine.stream().allMatch(TargetRow::healthy) && mine.stream().map(TargetRow::targetGroup).distinct().count() == targetGroups.size();
    }

    public List<TargetRow> targetsOf(ServiceTask task) {
        return targets.stream().filter(r -> r.task() != null && r.task().arn().equals(task.arn())).toList();
    }

    public long newHealthy() {
        return newTasks().stream().filter(this::healthy).count();
    }

    /**
     * Why the new tasks are not all healthy yet, one reason a line: tasks not started, stopped tasks with
     * ECS's reason, targets with ELB's reason, tasks whose health line has not been logged.
     */
    public List<String> pending(int wantedNew) {
        List<String> reasons = new ArrayList<>();
        List<ServiceTask> fresh = newTasks();
        if (fresh.size() < wantedNew) {
            String room = group.map(g -> "; group " + g.name() + " has " + g.inService() + " of " + g.desiredCapacity() + " instances in service")
                    .orElse("");
            reasons.add((wantedNew - fresh.size()) + " of " + wantedNew + " new tasks not started yet" + room);
        }
        for (ServiceTask task : newStopped()) {
            reasons.add("task " + task.shortId() + " stopped: " + (task.stoppedReason() == null ? "no reason given" : task.stoppedReason()));
        }
        for (ServiceTask task : fresh) {
            if (!task.running()) {
                reasons.add("task " + task.shortId() + " is " + task.lastStatus());
                continue;
            }
            List<TargetRow> mine = targetsOf(task);
            for (TargetRow row : mine) {
                if (!row.healthy()) {
                    reasons.add("target " + row.address() + " " + row.stateWithReason());
                }
            }
            List<String> registeredIn = mine.stream().map(TargetRow::targetGroup).distinct().toList();
            for (String group : targetGroups) {
                if (!registeredIn.contains(group)) {
                    reasons.add("task " + task.shortId() + " is not registered in " + group + " yet");
                }
            }
            if (healthLogPattern != null && !logSeen.contains(task.id())) {
                reasons.add("task " + task.shortId() + " has not logged \"" + healthLogPattern + "\" yet");
            }
        }
        return reasons;
    }
}
