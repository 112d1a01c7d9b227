package dev.capstan.domain;

/** The two IAM roles of a task definition: the one ECS uses to start it (pull images, write logs) and the one its containers get; null when unset. */
public record TaskRoles(String executionRoleArn, String taskRoleArn) {
}
