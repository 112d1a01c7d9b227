package dev.capstan.aws;

import dev.capstan.domain.AwsTarget;
import dev.capstan.domain.LoadBalancingSnapshot;

/** Reads load balancers, listeners, rules, target groups and target health. Only reads. */
public interface LoadBalancerReader {
    LoadBalancingSnapshot read(AwsTarget target);
}
