package dev.capstan.domain;

/** An ECS cluster as the Clusters view lists it. */
public record ClusterSummary(String name, String arn, String status, int activeServices, int runningTasks, int pendingTasks) {
}
