package dev.capstan.ops.rolling;

import dev.capstan.ops.deploy.RevisionHistory;
import dev.capstan.domain.ServiceDeploymentState;
import dev.capstan.domain.ServiceRollout;
import dev.capstan.domain.ServiceTask;
import dev.capstan.domain.TargetGroupInfo;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * A service ECS rolls out, as the Deploys page shows it: the revision it is set to and that revision's image, its tasks (live and
 * lately stopped) with the health of their targets, what ECS reports (deployments, events), its deploy history, the revision
 * a rollback would go to, and for ECS's own blue/green, linear and canary deployments the newest one's stage.
 */
public record RollingPicture(ServiceRollout rollout, String image, List<ServiceTask> tasks, List<TargetGroupInfo.Target> targets,
                             List<RevisionHistory.Deployed> history, Optional<String> lastKnownGood, Optional<ServiceDeploymentState> serviceDeployment) {
    public RollingPicture {
        tasks = List.copyOf(tasks);
        targets = List.copyOf(targets);
        history = List.copyOf(history);
    }

    /** The tasks desired RUNNING, newest first. */
    public List<ServiceTask> live() {
        return tasks.stream().filter(t -> !t.stoppingOrStopped()).toList();
    }

    /** How many live tasks run each revision, the service's own first: what a rollout in progress looks like. */
    public Map<String, Long> revisionsRunning() {
        Map<String, Long> counts = new LinkedHashMap<>();
        counts.put(rollout.taskDefinition(), 0L);
        live().forEach(t -> counts.merge(t.taskDefinition() == null ? "?" : t.taskDefinition(), 1L, Long::sum));
        return counts;
    }

    /** The state of the task's target ("healthy", "initial: Target registration is in progress"), or "" when it is behind none. */
    public String targetState(ServiceTask task) {
        return targets.stream().filter(task::isBehind).findFirst()
                .map(t -> t.state() + (t.description() == null || "healthy".equals(t.state()) ? "" : ": " + t.description())).orElse("");
    }

    /** Whether every live task runs the service's revision and every target is healthy: no rollout in progress. */
    public boolean settled() {
        return live().stream().allMatch(t -> rollout.taskDefinition().equals(t.taskDefinition()))
                && targets.stream().allMatch(t -> "healthy".equals(t.state())) && live().size() == rollout.desiredCount();
    }
}
