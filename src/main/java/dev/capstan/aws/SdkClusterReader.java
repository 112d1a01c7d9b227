package dev.capstan.aws;

import dev.capstan.domain.AwsTarget;
import dev.capstan.domain.ClusterSnapshot;
import dev.capstan.domain.ClusterSummary;
import dev.capstan.domain.ServiceDetail;
import dev.capstan.domain.TaskDetail;
import java.time.Clock;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import software.amazon.awssdk.core.exception.SdkException;
import software.amazon.awssdk.services.ecs.EcsClient;
import software.amazon.awssdk.services.ecs.model.Attachment;
import software.amazon.awssdk.services.ecs.model.DesiredStatus;
import software.amazon.awssdk.services.ecs.model.KeyValuePair;
import software.amazon.awssdk.services.ecs.model.Service;
import software.amazon.awssdk.services.ecs.model.Task;

/**
 * {@link ClusterReader} on the SDK: paginators with the largest page each API allows, DescribeServices
 * in batches of 10 and DescribeTasks in batches of 100 (the API's limits), tasks read once per cluster
 * and grouped by service here rather than listed service by service.
 */
public final class SdkClusterReader implements ClusterReader {
    private static final int EVENTS_SHOWN = 5;
    private final AwsClients clients;
    private final Clock clock;

    public SdkClusterReader(AwsClients clients, Clock clock) {
        this.clients = clients;
        this.clock = clock;
    }

    @Override
    public List<ClusterSummary> clusters(AwsTarget target) {
        try {
            EcsClient ecs = clients.ecs(target);
            List<String> arns = ecs.listClustersPaginator(r -> r.maxResults(100)).clusterArns().stream().toList();
            List<ClusterSummary> clusters = new ArrayList<>();
            for (List<String> batch : batches(arns, 100)) {
                ecs.describeClusters(r -> r.clusters(batch)).clusters().forEach(c -> clusters.add(new ClusterSummary(c.clusterName(),
                        c.clusterArn(), c.status(), c.activeServicesCount(), c.runningTasksCount(), c.pendingTasksCount())));
            }
            clusters.sort(Comparator.comparing(ClusterSummary::name));
            return clusters;
        } catch (SdkException e) {
            throw AwsErrors.explain(e, target, "list the ECS clusters");
        }
    }

    @Override
    public ClusterSnapshot snapshot(AwsTarget target, String cluster) {
        EcsClient ecs = clients.ecs(target);
        List<ServiceDetail> services = new ArrayList<>();
        try {
            List<String> arns = ecs.listServicesPaginator(r -> r.cluster(cluster).maxResults(100)).serviceArns().stream().toList();
            for (List<String> batch : batches(arns, 10)) {
                ecs.describeServices(r -> r.cluster(cluster).services(batch)).services().forEach(s -> services.add(service(cluster, s)));
            }
        } catch (SdkException e) {
            throw AwsErrors.explain(e, target, "read the services of " + cluster);
        }
        services.sort(Comparator.comparing(ServiceDetail::name));
        return new ClusterSnapshot(cluster, services, tasks(target, ecs, cluster), clock.instant());
    }

    private List<TaskDetail> tasks(AwsTarget target, EcsClient ecs, String cluster) {
        try {
            List<String> arns = new ArrayList<>();
            for (DesiredStatus status : List.of(DesiredStatus.RUNNING, DesiredStatus.STOPPED)) {
                ecs.listTasksPaginator(r -> r.cluster(cluster).desiredStatus(status).maxResults(100)).taskArns().forEach(arn -> {
                    if (!arns.contains(arn)) {
                        arns.add(arn);
                    }
                });
            }
            List<TaskDetail> tasks = new ArrayList<>();
            for (List<String> batch : batches(arns, 100)) {
                ecs.describeTasks(r -> r.cluster(cluster).tasks(batch)).tasks().forEach(t -> tasks.add(task(t)));
            }
            tasks.sort(Comparator.comparing((TaskDetail t) -> t.startedAt() == null ? java.time.Instant.MAX : t.startedAt()).reversed());
            return tasks;
        } catch (SdkException e) {
            throw AwsErrors.explain(e, target, "read the tasks of " + cluster);
        }
    }

    static <T> List<List<T>> batches(List<T> items, int size) {
        List<List<T>> batches = new ArrayList<>();
        for (int from = 0; from < items.size(); from += size) {
            batches.add(items.subList(from, Math.min(items.size(), from + size)));
        }
        return batches;
    }

    private static ServiceDetail service(String cluster, Service s) {
        List<ServiceDetail.Deployment> deployments = s.deployments().stream().map(d -> new ServiceDetail.Deployment(d.id(), d.status(),
                d.rolloutStateAsString(), d.taskDefinition(), d.desiredCount(), d.runningCount(), d.pendingCount())).toList();
        List<ServiceDetail.Event> events = s.events().stream().limit(EVENTS_SHOWN)
                .map(e -> new ServiceDetail.Event(e.createdAt(), e.message())).toList();
        List<String> targetGroups = s.loadBalancers().stream().map(lb -> lb.targetGroupArn()).filter(arn -> arn != null).toList();
        return new ServiceDetail(cluster, s.serviceName(), s.serviceArn(), s.status(), s.desiredCount(), s.runningCount(),
                s.pendingCount(), s.launchTypeAsString(), s.taskDefinition(), deployments, events, targetGroups);
    }

    private static TaskDetail task(Task t) {
        List<TaskDetail.ContainerState> containers = t.containers().stream()
                .map(c -> new TaskDetail.ContainerState(c.name(), c.lastStatus(), c.exitCode(), c.reason())).toList();
        return new TaskDetail(t.taskArn(), t.group(), t.lastStatus(), t.desiredStatus(), t.healthStatusAsString(), t.startedAt(),
                t.stoppedAt(), t.taskDefinitionArn(), privateIp(t), t.stoppedReason(), containers);
    }

    private static String privateIp(Task task) {
        for (Attachment attachment : task.attachments()) {
            for (KeyValuePair detail : attachment.details()) {
                if ("privateIPv4Address".equals(detail.name())) {
                    return detail.value();
                }
            }
        }
        return task.containers().stream().flatMap(c -> c.networkInterfaces().stream()).map(n -> n.privateIpv4Address())
                .filter(ip -> ip != null).findFirst().orElse("");
    }
}
