package dev.capstan.domain;

import java.time.Instant;
import java.util.List;

/** A one-off task as it goes: its status, and once stopped, why, and how each container ended. */
public record TaskProgress(String arn, String taskDefinition, String lastStatus, String desiredStatus, String stopCode,
                           String stoppedReason, Instant startedAt, Instant stoppedAt, List<ContainerEnd> containers) {
    public TaskProgress {
        containers = List.copyOf(containers);
    }

    public boolean stopped() {
        return "STOPPED".equals(lastStatus);
    }

    public String id() {
        return arn.substring(arn.lastIndexOf('/') + 1);
    }

    /** @param exitCode null when the container never ran to an exit (an image that did not pull, a task stopped before start) */
    public record ContainerEnd(String name, String lastStatus, Integer exitCode, String reason) {
    }
}
