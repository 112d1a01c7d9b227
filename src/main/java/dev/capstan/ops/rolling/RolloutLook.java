package dev.capstan.ops.rolling;

import dev.capstan.domain.ContainerInstanceInfo;
import dev.capstan.domain.GroupCapacity;
import dev.capstan.domain.ServiceRollout;
import dev.capstan.domain.ServiceTask;
import dev.capstan.domain.TargetGroupInfo;
import dev.capstan.domain.TaskDefinitionNames;
import dev.capstan.ops.Wait;
import dev.capstan.ops.deploy.TaskDeath;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * One look at a rollout, and the verdict it allows. Succeeded only when the service is still set to the new revision,
 * every live task runs it, as many as desired, each behind a healthy target with no other target left, and, where ECS
 * reports this rollout's deployment, its state is COMPLETED. It fails at once, with why, when the service went back
 * (ECS's circuit breaker) or on to another revision, when ECS reports the rollout FAILED, when new tasks keep stopping,
 * and when the new tasks cannot be placed.
 */
final class RolloutLook {
    /** Looks in a row that see no room before the deploy says so: a stop and a start can pass between two looks. */
    static final int STALLED_LOOKS = 3;
    /** A failure's last lines in the verdict's one sentence: enough for the stack trace's head. */
    private static final int LAST_LINES = 5;
    private final RollingDeploy deploy;
    private final String base;
    private final String fresh;
    private final Instant since;
    private final Set<String> before;
    private final TaskDeath death;
    private int stalled;

    /** What one look saw: its counts for the log, and what it still waits for. */
    record Seen(String counts, List<String> pending) {
    }

    RolloutLook(RollingDeploy deploy, String base, String fresh, Instant since, Set<String> before) {
        this.deploy = deploy;
        this.before = before;
        this.base = base;
        this.fresh = fresh;
        this.since = since;
        this.death = new TaskDeath(deploy.services().ecs(), deploy.services().logs());
    }

    Wait.Look<Seen> look() {
        RollingServices s = deploy.services();
        String cluster = deploy.environment().cluster();
        String service = deploy.environment().service();
        ServiceRollout rollout = s.rollouts().rollout(deploy.target(), cluster, service);
        List<ServiceTask> tasks = s.ecs().serviceTaskDetails(deploy.target(), cluster, service);
        List<ServiceTask> live = tasks.stream().filter(t -> !t.stoppingOrStopped()).toList();
        List<ServiceTask> newLive = live.stream().filter(t -> fresh.equals(t.taskDefinition())).toList();
        List<ServiceTask> oldLive = live.stream().filter(t -> !fresh.equals(t.taskDefinition())).toList();
        List<ServiceTask> failed = tasks.stream().filter(t -> fresh.equals(t.taskDefinition()) && t.stoppingOrStopped())
                .filter(t -> !before.contains(t.arn()) && (t.createdAt() == null || !t.createdAt().isBefore(since))).toList();
        if (!fresh.equals(rollout.taskDefinition())) {
            if (deploy.request().stopFirst() && rollout.taskDefinition().equals(base)) {
                // ECS was asked to roll back and has not pointed the service back yet.
                String waiting = "ECS has not pointed " + service + " back yet; it names " + name(base);
                return Wait.Look.notYet(new Seen(waiting, List.of(waiting)), waiting, List.of(waiting));
            }
            throw new IllegalStateException(wentElsewhere(rollout, failed));
        }
        Optional<ServiceRollout.Deployment> ours = rollout.deployments().stream()
                .filter(d -> fresh.equals(d.taskDefinition()) && d.createdAt() != null && !d.createdAt().isBefore(since)).findFirst();
        failIfEcsGaveUp(rollout, ours, failed);

        List<String> pending = new ArrayList<>();
        long running = newLive.stream().filter(ServiceTask::running).count();
        Targets targets = targets(rollout.targetGroups(), newLive, pending);
        long healthy = Math.min(running, targets.healthyNew());
        int desired = rollout.desiredCount();
        String counts = name(fresh) + ": " + running + " of " + desired + " new tasks RUNNING, " + healthy + " healthy"
                + (oldLive.isEmpty() ? "" : "; " + oldLive.size() + " old still running") + (failed.isEmpty() ? "" : "; " + failed.size() + " new stopped");
        if (running < desired) {
            pending.add(0, (desired - running) + " of " + desired + " new tasks not RUNNING yet");
        }
        if (!oldLive.isEmpty()) {
            pending.add(oldLive.size() + " old tasks (" + String.join(", ", oldLive.stream().map(t -> name(t.taskDefinition())).distinct().toList())
                    + ") still running");
        }
        ours.filter(d -> d.rolloutState() != null && !"COMPLETED".equals(d.rolloutState()))
                .ifPresent(d -> pending.add("ECS's rollout is " + d.rolloutState()));
        if (running == desired && healthy == desired && oldLive.isEmpty() && targets.settled() && desired > 0
                && ours.map(d -> d.rolloutState() == null || "COMPLETED".equals(d.rolloutState())).orElse(true)) {
            Optional<String> disagreement = ecsDisagrees(failed);
            if (disagreement.isEmpty()) {
                return Wait.Look.done(new Seen(counts, List.of()), counts);
            }
            pending.add(disagreement.get());
        }
        checkRoom(rollout, live, newLive, desired);
        return Wait.Look.notYet(new Seen(counts, pending), counts, pending);
    }

    /** What the service's target groups say: how many new tasks stand behind a healthy target in every group, and whether nothing else does. */
    private record Targets(long healthyNew, boolean settled) {
    }

    /** Reads every target group of the service; a target not healthy, or of an old task, goes into {@code pending} with ELB's reason. */
    private Targets targets(List<String> groups, List<ServiceTask> newLive, List<String> pending) {
        RollingServices s = deploy.services();
        long healthy = Long.MAX_VALUE;
        boolean settled = true;
        for (String group : groups) {
            List<TargetGroupInfo.Target> targets = s.targetHealth().health(deploy.target(), group);
            healthy = Math.min(healthy, newLive.stream().filter(ServiceTask::running)
                    .filter(t -> targets.stream().anyMatch(x -> t.isBehind(x) && "healthy".equals(x.state()))).count());
            for (TargetGroupInfo.Target target : targets) {
                boolean ofNew = newLive.stream().anyMatch(t -> t.isBehind(target));
                if (!ofNew || !"healthy".equals(target.state())) {
                    settled = false;
                    pending.add("target " + target.id() + ":" + target.port() + " " + target.state() + (ofNew ? "" : " (an old task)")
                            + (target.description() == null ? "" : ": " + target.description()));
                }
            }
        }
        return new Targets(healthy, settled);
    }

    /** Fails at once when ECS itself ended the rollout: its deployment FAILED, new tasks keep stopping, or it cannot place them. */
    private void failIfEcsGaveUp(ServiceRollout rollout, Optional<ServiceRollout.Deployment> ours, List<ServiceTask> failed) {
        if (ours.isPresent() && "FAILED".equals(ours.get().rolloutState())) {
            throw new IllegalStateException("ECS reports the rollout of " + name(fresh) + " FAILED: " + ours.get().rolloutStateReason()
                    + failures(failed) + ".");
        }
        int limit = breakerThreshold(rollout.desiredCount()) * (Boolean.FALSE.equals(rollout.circuitBreaker()) ? 1 : 2);
        if (failed.size() >= limit) {
            throw new IllegalStateException(failed.size() + " new tasks of " + name(fresh) + " stopped" + failures(failed) + ". "
                    + (Boolean.FALSE.equals(rollout.circuitBreaker()) ? "The service has no circuit breaker, so ECS keeps trying: roll back."
                    : "ECS has not rolled the deploy back; roll back."));
        }
        rollout.events().stream().filter(e -> e.at() != null && e.at().isAfter(since) && e.message().contains("unable to place a task"))
                .findFirst().ifPresent(e -> {
                    throw new IllegalStateException("ECS cannot place the new tasks: " + e.message() + ". " + raiseHint());
                });
    }

    /**
     * Once the tasks say done: where ECS keeps service deployments, its word must agree (it may still be baking, or rolling back).
     * A Stop and roll back asked ECS for exactly the rollback it reports. Empty when ECS agrees or says nothing.
     */
    private Optional<String> ecsDisagrees(List<ServiceTask> failed) {
        Optional<String> status = deploy.services().rollouts().deploymentStatus(deploy.target(), deploy.environment().cluster(),
                deploy.environment().service(), since);
        boolean rollbackAskedFor = deploy.request().stopFirst();
        if (status.isEmpty() || "SUCCESSFUL".equals(status.get()) || rollbackAskedFor && "ROLLBACK_SUCCESSFUL".equals(status.get())) {
            return Optional.empty();
        }
        if (!rollbackAskedFor && (status.get().startsWith("ROLLBACK") || "STOPPED".equals(status.get()))) {
            throw new IllegalStateException("ECS reports the deployment of " + name(fresh) + " " + status.get() + failures(failed) + ".");
        }
        return Optional.of("ECS's service deployment is " + status.get());
    }

    /** ECS's circuit breaker threshold: half the desired count, at least 3, at most 200. */
    static int breakerThreshold(int desired) {
        return Math.min(200, Math.max(3, (desired + 1) / 2));
    }

    private String wentElsewhere(ServiceRollout rollout, List<ServiceTask> failed) {
        if (rollout.taskDefinition().equals(base)) {
            String reason = rollout.deployments().stream().filter(d -> "FAILED".equals(d.rolloutState()) && d.rolloutStateReason() != null)
                    .map(d -> " (" + d.rolloutStateReason() + ")").findFirst().orElse("");
            return "ECS rolled the deploy back to " + name(base) + reason + " after " + failed.size() + " task" + (failed.size() == 1 ? "" : "s")
                    + " of " + name(fresh) + " failed to start" + failures(failed) + ". The service runs " + name(base) + " again.";
        }
        return deploy.environment().service() + " was set to " + name(rollout.taskDefinition()) + " while this deploy of " + name(fresh)
                + " was watching: another deploy took over. Nothing was changed back.";
    }

    /** ": reason; container exited 1; last lines: …" from the newest of the failed tasks. */
    private String failures(List<ServiceTask> failed) {
        if (failed.isEmpty()) {
            return "";
        }
        ServiceTask newest = failed.stream().max(Comparator.comparing(t -> t.createdAt() == null ? Instant.EPOCH : t.createdAt())).get();
        TaskDeath.Cause cause = death.of(deploy.environment(), deploy.target(), newest.arn(), LAST_LINES);
        return ": " + cause.reasonAndExits() + cause.lastLinesClause();
    }

    /**
     * Where ECS reports nothing (on EC2 it writes "unable to place a task" into the events), the instances say it: every slot taken,
     * and the old tasks may not stop while the service must keep its minimum healthy.
     */
    private void checkRoom(ServiceRollout rollout, List<ServiceTask> live, List<ServiceTask> newLive, int desired) {
        if (!"EC2".equals(rollout.launchType()) || newLive.size() >= desired) {
            stalled = 0;
            return;
        }
        List<ContainerInstanceInfo> instances = deploy.services().ecs().containerInstances(deploy.target(), deploy.environment().cluster()).stream()
                .filter(ContainerInstanceInfo::active).toList();
        Optional<Integer> perInstance = GroupCapacity.perInstance(deploy.services().taskDefinitions().revision(deploy.target(), fresh), instances);
        int keep = (int) Math.ceil(desired * rollout.minimumHealthy() / 100.0);
        int used = Math.max(live.size(), instances.stream().mapToInt(ContainerInstanceInfo::runningTasks).sum());
        boolean full = perInstance.isPresent() && perInstance.get() * instances.size() <= used && live.size() <= keep && !instancesOnTheirWay(instances);
        stalled = full ? stalled + 1 : 0;
        if (stalled >= STALLED_LOOKS) {
            throw new IllegalStateException("No room for the new tasks of " + name(fresh) + ": the cluster's " + instances.size() + " instances hold "
                    + perInstance.get() + " task" + (perInstance.get() == 1 ? "" : "s") + " each and all " + used + " places are taken, and ECS may not stop "
                    + "an old task while the service must keep " + rollout.minimumHealthy() + "% of " + desired + " running. " + raiseHint());
        }
    }

    /** The group wants more instances than the cluster has: room is coming (a raised group's instances take a minute or two to join). */
    private boolean instancesOnTheirWay(List<ContainerInstanceInfo> active) {
        String group = deploy.environment().autoScalingGroup();
        return group != null && deploy.services().autoScaling().group(deploy.target(), group).desiredCapacity() > active.size();
    }

    private String raiseHint() {
        String group = deploy.environment().autoScalingGroup();
        return group == null ? "Add instances to the cluster, then resume this deploy (the new revision is already set; ECS places the tasks once "
                + "there is room)." : "Raise auto scaling group " + group + " by an instance or more, then resume this deploy (the new revision is "
                + "already set; ECS places the tasks once there is room); or start over with the group raised (raise-group).";
    }

    static String name(String taskDefinition) {
        return TaskDefinitionNames.familyRevision(taskDefinition);
    }
}
