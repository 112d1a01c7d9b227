package dev.capstan.domain;

import java.util.List;

/** A target group with every target's health, as one DescribeTargetHealth reports it. */
public record TargetGroupInfo(String name, String arn, String protocol, Integer port, String targetType, List<Target> targets) {
    public TargetGroupInfo {
        targets = List.copyOf(targets);
    }

    public record Target(String id, Integer port, String state, String reason, String description) {
    }

    public long healthy() {
        return targets.stream().filter(t -> "healthy".equals(t.state())).count();
    }
}
