package dev.capstan.domain;

import java.util.List;

/** An EC2 auto scaling group's sizes and instances as DescribeAutoScalingGroups reports them. */
public record ScalingGroup(String name, int minSize, int maxSize, int desiredCapacity, List<Instance> instances) {
    public ScalingGroup {
        instances = List.copyOf(instances);
    }

    public record Instance(String id, String lifecycleState, String healthStatus) {
        public boolean inService() {
            return "InService".equals(lifecycleState);
        }
    }

    public long inService() {
        return instances.stream().filter(Instance::inService).count();
    }
}
