package dev.capstan.domain;

/** An ECS service's counts as ECS reports them at one moment. */
public record ServiceStatus(String cluster, String name, String arn, String status, int desiredCount, int runningCount,
                            int pendingCount, String taskDefinition, String launchType) {
    public boolean active() {
        return "ACTIVE".equals(status);
    }
}
