package dev.capstan.domain;

import java.time.Duration;
import java.time.Instant;
import java.util.Optional;

/**
 * ECS's own record of one deployment of a service (DescribeServiceDeployments): its status, the lifecycle stage it is at
 * (for blue/green, linear and canary: SCALE_UP, TEST_TRAFFIC_SHIFT, PRODUCTION_TRAFFIC_SHIFT, BAKE_TIME…), when the stage
 * last moved, and the revisions it goes from and to (null where ECS reports no service revision).
 */
public record ServiceDeploymentState(String arn, String status, String stage, Instant createdAt, Instant updatedAt, String sourceTaskDefinition,
                                     String targetTaskDefinition, String reason) {
    public boolean inProgress() {
        return "IN_PROGRESS".equals(status) || "PENDING".equals(status);
    }

    /**
     * How much production traffic has moved to the new revision, as far as the strategy and the stage tell: none before the
     * production shift, all after it; during it, a canary's share (the rest after its bake) or a linear's step.
     */
    public String trafficShifted(DeploymentStrategy strategy) {
        if (stage == null) {
            return "";
        }
        return switch (stage) {
            case "RECONCILE_SERVICE", "PRE_SCALE_UP", "SCALE_UP", "POST_SCALE_UP", "TEST_TRAFFIC_SHIFT", "POST_TEST_TRAFFIC_SHIFT" -> "no production traffic yet";
            case "PRODUCTION_TRAFFIC_SHIFT" -> strategy.canary() ? pct(strategy.stepPercent()) + "% (the canary); the rest after "
                    + strategy.stepBakeMinutes() + " min" : strategy.linear() ? "in steps of " + pct(strategy.stepPercent()) + "% every "
                    + strategy.stepBakeMinutes() + " min" : "moving";
            default -> "all production traffic";
        };
    }

    /** The bake time left while the deployment bakes (BAKE_TIME), measured from when the stage began. */
    public Optional<Duration> bakeLeft(DeploymentStrategy strategy, Instant now) {
        if (!"BAKE_TIME".equals(stage) || updatedAt == null) {
            return Optional.empty();
        }
        Duration left = Duration.ofMinutes(strategy.bakeMinutes()).minus(Duration.between(updatedAt, now));
        return Optional.of(left.isNegative() ? Duration.ZERO : left);
    }

    private static String pct(Double value) {
        return value == null ? "?" : value % 1 == 0 ? String.valueOf(value.intValue()) : String.valueOf(value);
    }
}
