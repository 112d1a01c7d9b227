package dev.capstan.domain;

import java.time.Instant;
import java.util.List;

/** The load balancers and target groups of an account and region at one moment. */
public record LoadBalancingSnapshot(List<LoadBalancerInfo> loadBalancers, List<TargetGroupInfo> targetGroups, Instant readAt) {
    public LoadBalancingSnapshot {
        loadBalancers = List.copyOf(loadBalancers);
        targetGroups = List.copyOf(targetGroups);
    }
}
