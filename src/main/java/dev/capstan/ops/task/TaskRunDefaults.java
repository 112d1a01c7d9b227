package dev.capstan.ops.task;

import java.util.List;

/**
 * What the one-off task form starts from: the task definition the service's PRIMARY deployment runs
 * (and the family's newest, to show beside it), the container, and the environment's network.
 *
 * @param taskDefinition       the ARN to use unless the person picks another
 * @param latestTaskDefinition the family's newest active revision's ARN
 * @param containers           the containers of {@code taskDefinition}, for the picker
 */
public record TaskRunDefaults(String service, String taskDefinition, String latestTaskDefinition, List<String> containers,
                              String container, List<String> subnets, List<String> securityGroups, boolean assignPublicIp) {
    public TaskRunDefaults {
        containers = List.copyOf(containers);
        subnets = List.copyOf(subnets);
        securityGroups = List.copyOf(securityGroups);
    }

    public boolean behindLatest() {
        return latestTaskDefinition != null && !latestTaskDefinition.equals(taskDefinition);
    }
}
