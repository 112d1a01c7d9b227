package dev.capstan.domain;

import java.util.List;
import java.util.Map;

/**
 * One Fargate task to start, as RunTask receives it: the task definition, one container's command and
 * environment overridden, the awsvpc network, and who started it (a run id, so the task can be found again).
 */
public record TaskLaunch(String cluster, String taskDefinition, String container, List<String> command, Map<String, String> environment,
                         List<String> subnets, List<String> securityGroups, boolean assignPublicIp, String startedBy) {
    public TaskLaunch {
        command = List.copyOf(command);
        environment = Map.copyOf(environment);
        subnets = List.copyOf(subnets);
        securityGroups = List.copyOf(securityGroups);
    }
}
