package dev.capstan.domain;

import java.time.Instant;
import java.util.List;

/** An ECS service with what the Clusters view shows of it: counts, deployments, latest events, target groups. */
public record ServiceDetail(String cluster, String name, String arn, String status, int desired, int running, int pending,
                            String launchType, String taskDefinition, List<Deployment> deployments, List<Event> events,
                            List<String> targetGroupArns) {
    public ServiceDetail {
        deployments = List.copyOf(deployments);
        events = List.copyOf(events);
        targetGroupArns = List.copyOf(targetGroupArns);
    }

    public record Deployment(String id, String status, String rolloutState, String taskDefinition, int desired, int running,
                             int pending) {
    }

    public record Event(Instant at, String message) {
    }

    /** "family:revision" of the task definition the service runs. */
    public String taskDefinitionName() {
        return TaskDefinitionNames.familyRevision(taskDefinition);
    }
}
