package dev.capstan.domain;

import java.util.List;

/**
 * What a service is made of, read from ECS, to make another like it: its revision, launch type, network, and the container and
 * port its load balancer sends traffic to (null when it has no load balancer).
 */
public record ServiceBlueprint(String taskDefinition, String launchType, List<String> subnets, List<String> securityGroups, boolean assignPublicIp,
                               String containerName, Integer containerPort, String targetGroupArn) {
    public ServiceBlueprint {
        subnets = List.copyOf(subnets);
        securityGroups = List.copyOf(securityGroups);
    }
}
