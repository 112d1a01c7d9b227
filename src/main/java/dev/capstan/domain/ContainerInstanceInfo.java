package dev.capstan.domain;

/** An EC2 instance registered in a cluster, with the CPU units and memory (MiB) it offers to tasks. */
public record ContainerInstanceInfo(String arn, String ec2InstanceId, String status, int registeredCpu, int registeredMemory, int runningTasks) {
    public boolean active() {
        return "ACTIVE".equals(status);
    }
}
