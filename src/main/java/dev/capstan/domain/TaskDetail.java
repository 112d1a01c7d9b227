package dev.capstan.domain;

import java.time.Instant;
import java.util.List;

/** An ECS task with what the Clusters view shows of it; for a stopped task, why it stopped and every exit code. */
public record TaskDetail(String arn, String group, String lastStatus, String desiredStatus, String health, Instant startedAt,
                         Instant stoppedAt, String taskDefinitionArn, String privateIp, String stoppedReason,
                         List<ContainerState> containers) {
    public TaskDetail {
        containers = List.copyOf(containers);
    }

    public record ContainerState(String name, String lastStatus, Integer exitCode, String reason) {
    }

    public String id() {
        return arn.substring(arn.lastIndexOf('/') + 1);
    }

    public int revision() {
        return TaskDefinitionNames.revision(taskDefinitionArn);
    }

    /** For a stopped task: why it stopped and every container's exit code; empty for a live one. */
    public String stoppedSummary() {
        if (!"STOPPED".equals(lastStatus) && !"STOPPED".equals(desiredStatus)) {
            return "";
        }
        String codes = String.join(", ", containers.stream().map(c -> c.name() + " exit " + (c.exitCode() == null ? "?" : c.exitCode())
                + (c.reason() == null ? "" : " (" + c.reason() + ")")).toList());
        return (stoppedReason == null ? "" : stoppedReason) + (codes.isEmpty() ? "" : "; " + codes);
    }

    /** The service a task belongs to, from the group ECS gives it ("service:NAME"), or empty. */
    public String serviceName() {
        return group != null && group.startsWith("service:") ? group.substring("service:".length()) : "";
    }
}
