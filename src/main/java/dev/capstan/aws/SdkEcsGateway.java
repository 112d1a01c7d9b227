package dev.capstan.aws;

import dev.capstan.domain.AwsTarget;
import dev.capstan.domain.ServiceStatus;
import dev.capstan.domain.TaskState;
import java.util.ArrayList;
import java.util.List;
import software.amazon.awssdk.core.exception.SdkException;
import software.amazon.awssdk.services.ecs.model.DesiredStatus;
import software.amazon.awssdk.services.ecs.model.Service;

public final class SdkEcsGateway implements EcsGateway {
    private final AwsClients clients;

    public SdkEcsGateway(AwsClients clients) {
        this.clients = clients;
    }

    @Override
    public ServiceStatus service(AwsTarget target, String cluster, String service) {
        try {
            List<Service> found = clients.ecs(target).describeServices(r -> r.cluster(cluster).services(service)).services();
            if (found.isEmpty()) {
                throw new AwsProblem("There is no service " + service + " in cluster " + cluster + " (" + target.region()
                        + "); check the service name in the workspace.", null);
            }
            Service s = found.get(0);
            return new ServiceStatus(cluster, s.serviceName(), s.serviceArn(), s.status(), s.desiredCount(), s.runningCount(),
                    s.pendingCount(), s.taskDefinition(), s.launchTypeAsString());
        } catch (SdkException e) {
            throw AwsErrors.explain(e, target, "describe service " + service);
        }
    }

    @Override
    public void setDesiredCount(AwsTarget target, String cluster, String service, int desiredCount) {
        try {
            clients.ecs(target).updateService(r -> r.cluster(cluster).service(service).desiredCount(desiredCount));
        } catch (SdkException e) {
            throw AwsErrors.explain(e, target, "set the desired count of " + service);
        }
    }

    @Override
    public String taskDefinitionOf(AwsTarget target, String cluster, String taskArn) {
        try {
            var tasks = clients.ecs(target).describeTasks(r -> r.cluster(cluster).tasks(taskArn)).tasks();
            if (tasks.isEmpty()) {
                throw new AwsProblem("There is no task " + taskArn + " in cluster " + cluster + "; check the ARN (Clusters view, right-click, Copy ARN).", null);
            }
            return tasks.get(0).taskDefinitionArn();
        } catch (SdkException e) {
            throw AwsErrors.explain(e, target, "describe task " + taskArn);
        }
    }

    /**
     * Lists by service name, then keeps the tasks whose group is the service's, since a stand-in such
     * as moto ignores the serviceName filter and a task's group is what ECS itself sets.
     */
    @Override
    public List<TaskState> serviceTasks(AwsTarget target, String cluster, String service) {
        try {
            List<String> listed = clients.ecs(target)
                    .listTasksPaginator(r -> r.cluster(cluster).serviceName(service).desiredStatus(DesiredStatus.RUNNING))
                    .taskArns().stream().toList();
            List<TaskState> mine = new ArrayList<>();
            for (int from = 0; from < listed.size(); from += 100) {
                List<String> batch = listed.subList(from, Math.min(listed.size(), from + 100));
                clients.ecs(target).describeTasks(r -> r.cluster(cluster).tasks(batch)).tasks().stream()
                        .filter(task -> ("service:" + service).equals(task.group()))
                        .forEach(task -> mine.add(new TaskState(task.taskArn(), task.lastStatus(), task.desiredStatus())));
            }
            return mine;
        } catch (SdkException e) {
            throw AwsErrors.explain(e, target, "list the tasks of " + service);
        }
    }
}
