package dev.capstan.aws.sandbox;

/**
 * The deployment configuration the sandbox plays ECS's rolling deployments by. moto drops the one a service is created with,
 * so the sandbox keeps its own: ECS's defaults (never below the desired count, at most twice it) and the circuit breaker with
 * rollback, as most teams set it.
 */
public record DeploymentRules(int minimumHealthyPercent, int maximumPercent, boolean circuitBreaker) {
    public static final DeploymentRules ECS_DEFAULTS = new DeploymentRules(100, 200, true);

    public DeploymentRules {
        if (minimumHealthyPercent < 0 || minimumHealthyPercent > 100 || maximumPercent < 100) {
            throw new IllegalArgumentException("minimum healthy is 0..100 and maximum at least 100, as in ECS");
        }
    }

    int minimumHealthy(int desired) {
        return (int) Math.ceil(desired * minimumHealthyPercent / 100.0);
    }

    int maximum(int desired) {
        return Math.max(desired, (int) Math.floor(desired * maximumPercent / 100.0));
    }

    /** ECS's failure threshold: half the desired count, at least 3, at most 200. */
    static int failureThreshold(int desired) {
        return Math.min(200, Math.max(3, (desired + 1) / 2));
    }
}
