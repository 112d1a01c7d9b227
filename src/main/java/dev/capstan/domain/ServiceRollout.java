package dev.capstan.domain;

import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * A service as its deployment controller sees it at one moment: which controller deploys it, the revision the service is
 * set to, its counts, the deployments ECS reports (none on some stand-ins), its latest events, and the deployment
 * configuration where ECS reports one (a null percent or breaker means ECS said nothing), and the target groups it registers its
 * tasks in (read in the same call, so a look at a rollout describes the service once), and its deployment strategy.
 */
public record ServiceRollout(String controller, String taskDefinition, String launchType, int desiredCount, int runningCount, int pendingCount,
                             List<Deployment> deployments, List<Event> events, Integer minimumHealthyPercent, Integer maximumPercent,
                             Boolean circuitBreaker, Boolean circuitBreakerRollback, List<String> targetGroups, DeploymentStrategy strategy) {
    public static final String ECS = "ECS";
    public static final String EXTERNAL = "EXTERNAL";
    public static final String CODE_DEPLOY = "CODE_DEPLOY";

    public ServiceRollout {
        controller = controller == null ? ECS : controller;
        deployments = List.copyOf(deployments);
        events = List.copyOf(events);
        targetGroups = List.copyOf(targetGroups);
        strategy = strategy == null ? DeploymentStrategy.ROLLING : strategy;
    }

    /** One entry of the service's deployments: PRIMARY is the one being rolled out, ACTIVE the ones it replaces. */
    public record Deployment(String id, String status, String taskDefinition, int desiredCount, int runningCount, int pendingCount,
                             int failedTasks, String rolloutState, String rolloutStateReason, Instant createdAt) {
        public boolean primary() {
            return "PRIMARY".equals(status);
        }
    }

    public record Event(Instant at, String message) {
    }

    public Optional<Deployment> primary() {
        return deployments.stream().filter(Deployment::primary).findFirst();
    }

    /** ECS's default deployment configuration when the service reports none: never below the desired count, at most twice it. */
    public int minimumHealthy() {
        return minimumHealthyPercent == null ? 100 : minimumHealthyPercent;
    }

    public int maximum() {
        return maximumPercent == null ? 200 : maximumPercent;
    }
}
