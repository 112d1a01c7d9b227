package dev.capstan.aws.sandbox;

import dev.capstan.aws.AwsClients;
import dev.capstan.domain.AwsTarget;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import software.amazon.awssdk.services.autoscaling.model.AutoScalingGroup;
import software.amazon.awssdk.services.autoscaling.model.Instance;
import software.amazon.awssdk.services.ec2.model.Reservation;
import software.amazon.awssdk.services.ecs.EcsClient;
import software.amazon.awssdk.services.ecs.model.ContainerInstance;
import software.amazon.awssdk.services.ecs.model.Task;

/**
 * Plays the ECS agent on the instances of auto scaling groups: an instance the group has in service joins
 * the cluster the group is tagged with (RegisterContainerInstance with the instance's identity document),
 * and when the group terminates an instance, its tasks stop and it leaves the cluster. moto does neither
 * by itself; without it an EC2 service has nowhere to run.
 */
public final class ContainerAgents {
    /** The tag on a group naming the cluster its instances join (on real instances, ECS_CLUSTER in their user data). */
    public static final String CLUSTER_TAG = "capstan-sandbox:ecs-cluster";
    private final AwsClients clients;
    private final AwsTarget target;

    public ContainerAgents(AwsClients clients, AwsTarget target) {
        this.clients = clients;
        this.target = target;
    }

    /** Brings the cluster's container instances in line with its groups' instances in service; does nothing for a cluster with no group. */
    public void syncOnce(String cluster) {
        List<AutoScalingGroup> groups = clients.autoScaling(target).describeAutoScalingGroupsPaginator(r -> { }).autoScalingGroups().stream()
                .filter(g -> g.tags().stream().anyMatch(t -> CLUSTER_TAG.equals(t.key()) && cluster.equals(t.value())))
                .toList();
        if (groups.isEmpty()) {
            return;
        }
        Set<String> inService = new HashSet<>();
        for (AutoScalingGroup group : groups) {
            group.instances().stream().filter(i -> "InService".equals(i.lifecycleStateAsString())).map(Instance::instanceId).forEach(inService::add);
        }
        EcsClient ecs = clients.ecs(target);
        Map<String, String> joined = joined(ecs, cluster);
        List<String> arriving = inService.stream().filter(id -> !joined.containsKey(id)).sorted().toList();
        if (!arriving.isEmpty()) {
            for (Reservation reservation : clients.ec2(target).describeInstances(r -> r.instanceIds(arriving)).reservations()) {
                reservation.instances().forEach(instance -> ecs.registerContainerInstance(r -> r.cluster(cluster)
                        .instanceIdentityDocument(identityDocument(instance))));
            }
        }
        joined.forEach((instanceId, containerInstance) -> {
            if (!inService.contains(instanceId)) {
                leave(ecs, cluster, instanceId, containerInstance);
            }
        });
    }

    private static Map<String, String> joined(EcsClient ecs, String cluster) {
        List<String> arns = ecs.listContainerInstances(r -> r.cluster(cluster)).containerInstanceArns();
        Map<String, String> byInstance = new HashMap<>();
        if (!arns.isEmpty()) {
            for (ContainerInstance ci : ecs.describeContainerInstances(r -> r.cluster(cluster).containerInstances(arns)).containerInstances()) {
                byInstance.put(ci.ec2InstanceId(), ci.containerInstanceArn());
            }
        }
        return byInstance;
    }

    /** What ECS does when a container instance's host goes away: its tasks stop, then the instance leaves the cluster. */
    private static void leave(EcsClient ecs, String cluster, String instanceId, String containerInstance) {
        List<String> arns = ecs.listTasks(r -> r.cluster(cluster).desiredStatus("RUNNING")).taskArns();
        List<Task> onIt = new ArrayList<>();
        if (!arns.isEmpty()) {
            ecs.describeTasks(r -> r.cluster(cluster).tasks(arns)).tasks().stream()
                    .filter(t -> containerInstance.equals(t.containerInstanceArn())).forEach(onIt::add);
        }
        for (Task task : onIt) {
            ecs.stopTask(r -> r.cluster(cluster).task(task.taskArn()).reason("Host EC2 (instance " + instanceId + ") terminated."));
        }
        ecs.deregisterContainerInstance(r -> r.cluster(cluster).containerInstance(containerInstance).force(true));
    }

    private String identityDocument(software.amazon.awssdk.services.ec2.model.Instance instance) {
        return "{\"instanceId\":\"" + instance.instanceId() + "\",\"region\":\"" + target.region() + "\",\"availabilityZone\":\""
                + instance.placement().availabilityZone() + "\",\"instanceType\":\"" + instance.instanceTypeAsString() + "\",\"imageId\":\""
                + instance.imageId() + "\",\"accountId\":\"123456789012\",\"privateIp\":\"" + instance.privateIpAddress() + "\"}";
    }
}
