package dev.capstan.aws;

import dev.capstan.domain.AwsTarget;
import dev.capstan.domain.NetworkSettings;
import dev.capstan.domain.TaskSetInfo;
import java.util.List;
import java.util.Map;
import software.amazon.awssdk.core.exception.SdkException;
import software.amazon.awssdk.services.ecs.model.AssignPublicIp;
import software.amazon.awssdk.services.ecs.model.LaunchType;
import software.amazon.awssdk.services.ecs.model.TaskSet;

public final class SdkTaskSetGateway implements TaskSetGateway {
    private final AwsClients clients;
    /** Where a deploy's revision is registered: the same copy-with-an-image a branch environment makes. */
    private final SdkTaskDefinitionRegistry registry;

    public SdkTaskSetGateway(AwsClients clients) {
        this.clients = clients;
        this.registry = new SdkTaskDefinitionRegistry(clients);
    }

    @Override
    public List<TaskSetInfo> taskSets(AwsTarget target, String cluster, String service) {
        try {
            return clients.ecs(target).describeTaskSets(r -> r.cluster(cluster).service(service)).taskSets().stream()
                    .map(SdkTaskSetGateway::info).toList();
        } catch (SdkException e) {
            throw AwsErrors.explain(e, target, "describe the task sets of " + service);
        }
    }

    private static TaskSetInfo info(TaskSet set) {
        var lb = set.loadBalancers().isEmpty() ? null : set.loadBalancers().get(0);
        var vpc = set.networkConfiguration() == null ? null : set.networkConfiguration().awsvpcConfiguration();
        NetworkSettings network = vpc == null ? null
                : new NetworkSettings(vpc.subnets(), vpc.securityGroups(), vpc.assignPublicIp() == AssignPublicIp.ENABLED);
        return new TaskSetInfo(set.taskSetArn(), set.id(), set.status(), set.taskDefinition(),
                set.loadBalancers().stream().map(l -> l.targetGroupArn()).filter(a -> a != null).toList(),
                lb == null ? null : lb.containerName(), lb == null ? null : lb.containerPort(), set.externalId(), set.launchTypeAsString(),
                network, set.createdAt());
    }

    @Override
    public String createTaskSet(AwsTarget target, String cluster, String service, String taskDefinition, String targetGroup, TaskSetInfo like,
                                String externalId) {
        try {
            // No scale: ECS's default is the whole desired count (and moto, given one, starts tasks that belong to no set).
            return clients.ecs(target).createTaskSet(r -> {
                // The run's id as the client token too: a second try of the call after a lost answer makes no second task set.
                r.cluster(cluster).service(service).taskDefinition(taskDefinition).externalId(externalId).clientToken(externalId)
                        .loadBalancers(l -> l.targetGroupArn(targetGroup).containerName(like.container()).containerPort(like.containerPort()));
                if (like.launchType() != null) {
                    r.launchType(LaunchType.fromValue(like.launchType()));
                }
                if (like.network() != null) {
                    r.networkConfiguration(n -> n.awsvpcConfiguration(a -> a.subnets(like.network().subnets())
                            .securityGroups(like.network().securityGroups())
                            .assignPublicIp(like.network().assignPublicIp() ? AssignPublicIp.ENABLED : AssignPublicIp.DISABLED)));
                }
            }).taskSet().taskSetArn();
        } catch (SdkException e) {
            throw AwsErrors.explain(e, target, "create a task set of " + service);
        }
    }

    @Override
    public void deleteTaskSet(AwsTarget target, String cluster, String service, String taskSetArn) {
        try {
            clients.ecs(target).deleteTaskSet(r -> r.cluster(cluster).service(service).taskSet(taskSetArn).force(true));
        } catch (SdkException e) {
            throw AwsErrors.explain(e, target, "delete task set " + taskSetArn);
        }
    }

    @Override
    public void makePrimary(AwsTarget target, String cluster, String service, String taskSetArn) {
        try {
            clients.ecs(target).updateServicePrimaryTaskSet(r -> r.cluster(cluster).service(service).primaryTaskSet(taskSetArn));
        } catch (SdkException e) {
            throw AwsErrors.explain(e, target, "make task set " + taskSetArn + " PRIMARY");
        }
    }

    @Override
    public String registerWithImage(AwsTarget target, String taskDefinitionArn, String container, String image) {
        return registry.registerWithImage(target, taskDefinitionArn, container, image, Map.of());
    }
}
