package dev.capstan.aws;

import dev.capstan.domain.AwsTarget;
import dev.capstan.domain.ContainerInstanceInfo;
import dev.capstan.domain.ServiceStatus;
import dev.capstan.domain.ServiceTask;
import dev.capstan.domain.TaskLaunch;
import dev.capstan.domain.TaskProgress;
import dev.capstan.domain.TaskState;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import software.amazon.awssdk.core.exception.SdkException;
import software.amazon.awssdk.services.ecs.model.AssignPublicIp;
import software.amazon.awssdk.services.ecs.model.Container;
import software.amazon.awssdk.services.ecs.model.DesiredStatus;
import software.amazon.awssdk.services.ecs.model.Failure;
import software.amazon.awssdk.services.ecs.model.KeyValuePair;
import software.amazon.awssdk.services.ecs.model.LaunchType;
import software.amazon.awssdk.services.ecs.model.RunTaskResponse;
import software.amazon.awssdk.services.ecs.model.Service;
import software.amazon.awssdk.services.ecs.model.Task;

public final class SdkEcsGateway implements EcsGateway {
    private final AwsClients clients;

    public SdkEcsGateway(AwsClients clients) {
        this.clients = clients;
    }

    @Override
    public ServiceStatus service(AwsTarget target, String cluster, String service) {
        try {
            Service s = describe(clients, target, cluster, service);
            return new ServiceStatus(cluster, s.serviceName(), s.serviceArn(), s.status(), s.desiredCount(), s.runningCount(),
                    s.pendingCount(), primaryTaskDefinition(s), s.launchTypeAsString());
        } catch (SdkException e) {
            throw AwsErrors.explain(e, target, "describe service " + service);
        }
    }

    /** The one service, or a sentence that says to check its name in the workspace. */
    static Service describe(AwsClients clients, AwsTarget target, String cluster, String service) {
        List<Service> found = clients.ecs(target).describeServices(r -> r.cluster(cluster).services(service)).services();
        if (found.isEmpty()) {
            throw new AwsProblem("There is no service " + service + " in cluster " + cluster + " (" + target.region()
                    + "); check the service name in the workspace.", null);
        }
        return found.get(0);
    }

    @Override
    public void setDesiredCount(AwsTarget target, String cluster, String service, int desiredCount) {
        try {
            clients.ecs(target).updateService(r -> r.cluster(cluster).service(service).desiredCount(desiredCount));
        } catch (SdkException e) {
            throw AwsErrors.explain(e, target, "set the desired count of " + service);
        }
    }

    /**
     * What the PRIMARY deployment (or, for the EXTERNAL controller, the PRIMARY task set) runs: during a rolling
     * deploy the service's own field can still name the old revision, and a blue/green service has none.
     */
    private static String primaryTaskDefinition(Service service) {
        return service.deployments().stream().filter(d -> "PRIMARY".equals(d.status())).map(d -> d.taskDefinition())
                .filter(arn -> arn != null).findFirst()
                .or(() -> service.taskSets().stream().filter(t -> "PRIMARY".equals(t.status())).map(t -> t.taskDefinition()).findFirst())
                .orElse(service.taskDefinition());
    }

    @Override
    public String runTask(AwsTarget target, TaskLaunch launch) {
        List<KeyValuePair> environment = launch.environment().entrySet().stream()
                .map(e -> KeyValuePair.builder().name(e.getKey()).value(e.getValue()).build()).toList();
        try {
            RunTaskResponse response = clients.ecs(target).runTask(r -> r.cluster(launch.cluster()).taskDefinition(launch.taskDefinition())
                    .launchType(LaunchType.FARGATE).count(1).startedBy(launch.startedBy())
                    // One token per run (its id, which is also startedBy): the SDK's retries of the call and the step's own tries after
                    // a lost answer send the same token, so ECS starts the task once however often it is asked.
                    .clientToken(launch.startedBy() != null ? launch.startedBy() : UUID.randomUUID().toString())
                    .networkConfiguration(n -> n.awsvpcConfiguration(a -> a.subnets(launch.subnets()).securityGroups(launch.securityGroups())
                            .assignPublicIp(launch.assignPublicIp() ? AssignPublicIp.ENABLED : AssignPublicIp.DISABLED)))
                    .overrides(o -> o.containerOverrides(c -> {
                        c.name(launch.container()).command(launch.command());
                        if (!environment.isEmpty()) {
                            c.environment(environment);
                        }
                    })));
            if (response.tasks().isEmpty()) {
                throw new AwsProblem("ECS started no task: " + failures(response.failures())
                        + ". Check the subnets' free IPs, the Fargate quota and the task definition, then run again.", null);
            }
            return response.tasks().get(0).taskArn();
        } catch (SdkException e) {
            throw AwsErrors.explain(e, target, "run a task of " + launch.taskDefinition());
        }
    }

    private static String failures(List<Failure> failures) {
        return failures.isEmpty() ? "no reason given"
                : String.join("; ", failures.stream().map(f -> f.reason() + (f.detail() == null ? "" : " (" + f.detail() + ")")).toList());
    }

    @Override
    public Optional<TaskProgress> task(AwsTarget target, String cluster, String taskArn) {
        try {
            List<Task> tasks = clients.ecs(target).describeTasks(r -> r.cluster(cluster).tasks(taskArn)).tasks();
            return tasks.stream().findFirst().map(SdkEcsGateway::progress);
        } catch (SdkException e) {
            throw AwsErrors.explain(e, target, "describe task " + taskArn);
        }
    }

    private static TaskProgress progress(Task task) {
        List<TaskProgress.ContainerEnd> containers = new ArrayList<>();
        for (Container c : task.containers()) {
            containers.add(new TaskProgress.ContainerEnd(c.name(), c.lastStatus(), c.exitCode(), c.reason()));
        }
        return new TaskProgress(task.taskArn(), task.taskDefinitionArn(), task.lastStatus(), task.desiredStatus(), task.stopCodeAsString(),
                task.stoppedReason(), task.startedAt(), task.stoppedAt(), containers);
    }

    /** ListTasks shows only tasks desired RUNNING unless asked for STOPPED ones, so both are asked for. */
    @Override
    public List<String> tasksStartedBy(AwsTarget target, String cluster, String startedBy) {
        try {
            Set<String> arns = new LinkedHashSet<>();
            for (DesiredStatus status : List.of(DesiredStatus.RUNNING, DesiredStatus.STOPPED)) {
                clients.ecs(target).listTasksPaginator(r -> r.cluster(cluster).startedBy(startedBy).desiredStatus(status))
                        .taskArns().forEach(arns::add);
            }
            return List.copyOf(arns);
        } catch (SdkException e) {
            throw AwsErrors.explain(e, target, "list the tasks started by " + startedBy);
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

    @Override
    public List<String> targetGroupsOf(AwsTarget target, String cluster, String service) {
        try {
            List<Service> found = clients.ecs(target).describeServices(r -> r.cluster(cluster).services(service)).services();
            if (found.isEmpty()) {
                return List.of();
            }
            // A blue/green service's target groups are its PRIMARY task set's.
            Service s = found.get(0);
            var loadBalancers = !s.loadBalancers().isEmpty() ? s.loadBalancers() : s.taskSets().stream()
                    .filter(t -> "PRIMARY".equals(t.status())).flatMap(t -> t.loadBalancers().stream()).toList();
            return loadBalancers.stream().map(lb -> lb.targetGroupArn()).filter(arn -> arn != null).distinct().toList();
        } catch (SdkException e) {
            throw AwsErrors.explain(e, target, "describe service " + service);
        }
    }

    @Override
    public List<ServiceTask> serviceTaskDetails(AwsTarget target, String cluster, String service) {
        try {
            Set<String> listed = new LinkedHashSet<>();
            for (DesiredStatus status : List.of(DesiredStatus.RUNNING, DesiredStatus.STOPPED)) {
                clients.ecs(target).listTasksPaginator(r -> r.cluster(cluster).serviceName(service).desiredStatus(status))
                        .taskArns().forEach(listed::add);
            }
            List<String> arns = List.copyOf(listed);
            List<Task> mine = new ArrayList<>();
            for (int from = 0; from < arns.size(); from += 100) {
                List<String> batch = arns.subList(from, Math.min(arns.size(), from + 100));
                clients.ecs(target).describeTasks(r -> r.cluster(cluster).tasks(batch)).tasks().stream()
                        .filter(task -> ("service:" + service).equals(task.group())).forEach(mine::add);
            }
            Map<String, String> instances = mine.stream().anyMatch(t -> t.containerInstanceArn() != null) ? instanceIds(target, cluster) : Map.of();
            return mine.stream().map(t -> new ServiceTask(t.taskArn(), t.lastStatus(), t.desiredStatus(), t.createdAt(), t.startedAt(),
                    t.stoppedReason(), addresses(t, instances), t.startedBy(), t.taskDefinitionArn())).toList();
        } catch (SdkException e) {
            throw AwsErrors.explain(e, target, "list the tasks of " + service);
        }
    }

    /** awsvpc tasks are targets by IP; bridge and host tasks by their instance and the host port each container is bound to. */
    private static List<String> addresses(Task task, Map<String, String> instanceIds) {
        List<String> addresses = new ArrayList<>();
        task.attachments().forEach(a -> a.details().stream().filter(d -> "privateIPv4Address".equals(d.name()) && d.value() != null)
                .forEach(d -> addresses.add(d.value())));
        String instance = task.containerInstanceArn() == null ? null : instanceIds.get(task.containerInstanceArn());
        if (instance != null) {
            task.containers().forEach(c -> c.networkBindings().stream().filter(b -> b.hostPort() != null)
                    .forEach(b -> addresses.add(instance + ":" + b.hostPort())));
        }
        return addresses;
    }

    private Map<String, String> instanceIds(AwsTarget target, String cluster) {
        Map<String, String> byArn = new HashMap<>();
        containerInstances(target, cluster).forEach(ci -> byArn.put(ci.arn(), ci.ec2InstanceId()));
        return byArn;
    }

    @Override
    public void stopTask(AwsTarget target, String cluster, String taskArn, String reason) {
        try {
            clients.ecs(target).stopTask(r -> r.cluster(cluster).task(taskArn).reason(reason));
        } catch (SdkException e) {
            throw AwsErrors.explain(e, target, "stop task " + taskArn);
        }
    }

    @Override
    public List<ContainerInstanceInfo> containerInstances(AwsTarget target, String cluster) {
        try {
            List<String> arns = clients.ecs(target).listContainerInstancesPaginator(r -> r.cluster(cluster)).containerInstanceArns()
                    .stream().toList();
            List<ContainerInstanceInfo> found = new ArrayList<>();
            for (int from = 0; from < arns.size(); from += 100) {
                List<String> batch = arns.subList(from, Math.min(arns.size(), from + 100));
                clients.ecs(target).describeContainerInstances(r -> r.cluster(cluster).containerInstances(batch)).containerInstances()
                        .forEach(ci -> found.add(new ContainerInstanceInfo(ci.containerInstanceArn(), ci.ec2InstanceId(), ci.status(),
                                resource(ci, "CPU"), resource(ci, "MEMORY"), ci.runningTasksCount() == null ? 0 : ci.runningTasksCount())));
            }
            return found;
        } catch (SdkException e) {
            throw AwsErrors.explain(e, target, "list the container instances of " + cluster);
        }
    }

    private static int resource(software.amazon.awssdk.services.ecs.model.ContainerInstance instance, String name) {
        return instance.registeredResources().stream().filter(r -> name.equals(r.name())).map(r -> r.integerValue())
                .filter(v -> v != null).findFirst().orElse(0);
    }
}
