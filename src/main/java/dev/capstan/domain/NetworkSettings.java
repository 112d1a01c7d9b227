package dev.capstan.domain;

import java.util.List;

/** Where one-off Fargate tasks of an environment run: the awsvpc configuration the console would ask for. */
public record NetworkSettings(List<String> subnets, List<String> securityGroups, boolean assignPublicIp) {
    public NetworkSettings {
        subnets = subnets == null ? List.of() : List.copyOf(subnets);
        securityGroups = securityGroups == null ? List.of() : List.copyOf(securityGroups);
        if (subnets.isEmpty()) {
            throw new IllegalArgumentException("subnets: is empty; list at least one subnet id (subnet-...) for tasks to run in");
        }
    }
}
