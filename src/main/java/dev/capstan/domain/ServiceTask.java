package dev.capstan.domain;

import java.time.Instant;
import java.util.List;

/**
 * One task of a service with what a rolling restart watches: its lifecycle, when it began, why it stopped,
 * and the addresses a load balancer knows it by ({@code 10.0.1.12} in awsvpc mode, {@code i-0abc:32768}
 * for a host port on an EC2 instance). {@code startedBy} is the task set's id for a blue/green service;
 * {@code taskDefinition} the revision it runs.
 */
public record ServiceTask(String arn, String lastStatus, String desiredStatus, Instant createdAt, Instant startedAt,
                          String stoppedReason, List<String> addresses, String startedBy, String taskDefinition) {
    public ServiceTask {
        addresses = List.copyOf(addresses);
    }

    public boolean running() {
        return "RUNNING".equals(lastStatus) && "RUNNING".equals(desiredStatus);
    }

    public boolean stoppingOrStopped() {
        return "STOPPED".equals(desiredStatus) || "STOPPED".equals(lastStatus);
    }

    public String id() {
        return arn.substring(arn.lastIndexOf('/') + 1);
    }

    /** The first eight characters of the id: what people read aloud and what the console shows. */
    public String shortId() {
        String id = id();
        return id.length() > 8 ? id.substring(0, 8) : id;
    }

    /** Whether a load balancer target (its id, and port for instance targets) is this task. */
    public boolean isBehind(TargetGroupInfo.Target target) {
        return addresses.contains(target.id()) || addresses.contains(target.id() + ":" + target.port());
    }
}
