package dev.capstan.domain;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * One CodeDeploy deployment of an ECS service as CodeDeploy reports it: its status, who made it, its error and rollback, the
 * AppSpec it was given (the revision it deploys and its hooks), and, when read with its target, the lifecycle events and the
 * original and replacement task sets with their share of production traffic.
 */
public record CodeDeployment(String id, String status, String creator, Instant created, Instant completed, String errorCode,
                             String errorMessage, String rollbackDeploymentId, String rollbackMessage, String description,
                             String taskDefinition, Map<String, String> hooks, List<Event> events, List<TaskSet> taskSets) {
    private static final Set<String> ACTIVE = Set.of("Created", "Queued", "InProgress", "Baking", "Ready");

    public CodeDeployment {
        hooks = hooks == null ? Map.of() : Map.copyOf(hooks);
        events = events == null ? List.of() : List.copyOf(events);
        taskSets = taskSets == null ? List.of() : List.copyOf(taskSets);
    }

    /** A lifecycle event (BeforeInstall … AfterAllowTraffic) and how it went. */
    public record Event(String name, String status, Instant start, Instant end, String diagnostics) {
    }

    /** The original (BLUE) or replacement (GREEN) task set of the deployment. */
    public record TaskSet(String id, String label, String status, double trafficWeight, int running, int desired, String targetGroup) {
    }

    public boolean active() {
        return ACTIVE.contains(status);
    }

    public boolean succeeded() {
        return "Succeeded".equals(status);
    }

    /** Waiting for someone to reroute production traffic (ContinueDeployment). */
    public boolean waitingForApproval() {
        return "Ready".equals(status);
    }

    public Optional<Event> failedEvent() {
        return events.stream().filter(e -> "Failed".equals(e.status())).findFirst();
    }

    /** The hook function of a lifecycle event, as the AppSpec names it. */
    public Optional<String> hookOf(String event) {
        return Optional.ofNullable(hooks.get(event));
    }

    /** How long is left to reroute traffic before CodeDeploy stops the deployment, when it waits for that. */
    public Optional<Duration> approvalLeft(CodeDeployGroup group, Instant now) {
        if (!waitingForApproval()) {
            return Optional.empty();
        }
        Optional<Instant> since = events.stream().filter(e -> "AfterAllowTestTraffic".equals(e.name())).map(Event::end).filter(t -> t != null)
                .findFirst();
        return since.map(t -> group.approvalWait().minus(Duration.between(t, now))).map(d -> d.isNegative() ? Duration.ZERO : d);
    }

    public Optional<TaskSet> replacement() {
        return taskSets.stream().filter(s -> "GREEN".equalsIgnoreCase(s.label())).findFirst();
    }
}
