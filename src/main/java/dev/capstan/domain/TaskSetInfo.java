package dev.capstan.domain;

import java.time.Instant;
import java.util.List;

/**
 * An ECS task set of a blue/green (EXTERNAL controller) service: PRIMARY (serving by ECS's reckoning) or
 * ACTIVE, the revision it runs, the target group its tasks join, and how they are placed.
 */
public record TaskSetInfo(String arn, String id, String status, String taskDefinition, List<String> targetGroups, String container,
                          Integer containerPort, String externalId, String launchType, NetworkSettings network, Instant createdAt) {
    public TaskSetInfo {
        targetGroups = List.copyOf(targetGroups);
    }

    public boolean primary() {
        return "PRIMARY".equals(status);
    }

    public boolean behind(String targetGroupArn) {
        return targetGroups.contains(targetGroupArn);
    }
}
