package dev.capstan.aws.sandbox;

import dev.capstan.aws.AwsClients;
import dev.capstan.domain.AwsTarget;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import software.amazon.awssdk.services.ecs.EcsClient;
import software.amazon.awssdk.services.ecs.model.Attachment;
import software.amazon.awssdk.services.ecs.model.DeploymentControllerType;
import software.amazon.awssdk.services.ecs.model.KeyValuePair;
import software.amazon.awssdk.services.ecs.model.LoadBalancer;
import software.amazon.awssdk.services.ecs.model.Service;
import software.amazon.awssdk.services.ecs.model.Task;
import software.amazon.awssdk.services.ecs.model.TaskSet;
import software.amazon.awssdk.services.elasticloadbalancingv2.ElasticLoadBalancingV2Client;
import software.amazon.awssdk.services.elasticloadbalancingv2.model.TargetHealthDescription;

/**
 * Does what ECS's own scheduler does and moto does not: starts and stops tasks until each service
 * runs as many as it desires (on the instances {@link ContainerAgents} brings into the cluster, for the EC2
 * launch type), rolls a service's new revision out as ECS would ({@link RollingPlayer}), runs task sets' tasks,
 * and keeps the service's target groups holding exactly its live tasks' IPs.
 * Call {@link #reconcileOnce()} on a timer (the sandbox) or when a test wants the estate to settle.
 */
public final class EcsScheduler {
    private static final Logger LOG = LoggerFactory.getLogger(EcsScheduler.class);
    private final AwsClients clients;
    private final AwsTarget target;
    private final List<String> clusters;
    private final ContainerAgents agents;
    private final RollingPlayer rolling;
    /** The target groups each blue/green service's task sets have used, to empty those no set claims any more. */
    private final java.util.Map<String, Set<String>> groupsUsed = new java.util.concurrent.ConcurrentHashMap<>();

    public EcsScheduler(AwsClients clients, AwsTarget target, List<String> clusters) {
        this(clients, target, clusters, DeploymentRules.ECS_DEFAULTS, image -> false, new TaskEndings());
    }

    /**
     * @param rules       how rolling deployments are paced, and whether the circuit breaker rolls them back
     * @param brokenImage which images start and then exit 1 (the sandbox's stand-in for a bad build)
     * @param endings     where such a task's exit code is told, for the clients that read it
     */
    public EcsScheduler(AwsClients clients, AwsTarget target, List<String> clusters, DeploymentRules rules, java.util.function.Predicate<String> brokenImage,
                        TaskEndings endings) {
        this.clients = clients;
        this.target = target;
        this.clusters = List.copyOf(clusters);
        this.agents = new ContainerAgents(clients, target);
        this.rolling = new RollingPlayer(rules, brokenImage, endings, new TaskLines(clients, target));
    }

    public void reconcileOnce() {
        for (String cluster : clusters) {
            // Instances join (and leave) first, so an EC2 service's tasks find room on the group's new instances.
            agents.syncOnce(cluster);
            EcsClient ecs = clients.ecs(target);
            List<String> serviceArns = ecs.listServicesPaginator(r -> r.cluster(cluster)).serviceArns().stream().toList();
            List<Task> tasks = liveTasks(ecs, cluster);
            for (int i = 0; i < serviceArns.size(); i += 10) {
                List<String> batch = serviceArns.subList(i, Math.min(i + 10, serviceArns.size()));
                for (Service service : ecs.describeServices(r -> r.cluster(cluster).services(batch)).services()) {
                    if ("ACTIVE".equals(service.status())) {
                        reconcile(ecs, cluster, service, tasks);
                    }
                }
            }
        }
    }

    private static List<Task> liveTasks(EcsClient ecs, String cluster) {
        List<String> arns = ecs.listTasksPaginator(r -> r.cluster(cluster).desiredStatus("RUNNING")).taskArns().stream().toList();
        List<Task> tasks = new ArrayList<>();
        for (int i = 0; i < arns.size(); i += 100) {
            List<String> batch = arns.subList(i, Math.min(i + 100, arns.size()));
            tasks.addAll(ecs.describeTasks(r -> r.cluster(cluster).tasks(batch)).tasks());
        }
        tasks.removeIf(t -> !"RUNNING".equals(t.desiredStatus()) || "STOPPED".equals(t.lastStatus()));
        return tasks;
    }

    private void reconcile(EcsClient ecs, String cluster, Service service, List<Task> clusterTasks) {
        // moto's ListTasks ignores serviceName; a service's tasks carry its name in their group.
        String group = "service:" + service.serviceName();
        List<Task> mine = new ArrayList<>(clusterTasks.stream().filter(t -> group.equals(t.group())).toList());
        if (external(service)) {
            reconcileTaskSets(ecs, cluster, service, mine);
            return;
        }
        syncTargets(service.loadBalancers(), rolling.reconcile(ecs, cluster, service, mine, group));
    }

    /** Task sets hold the service's tasks: EXTERNAL, and CODE_DEPLOY, whose sets CodeDeploy makes. */
    private static boolean external(Service service) {
        return service.deploymentController() != null && (service.deploymentController().type() == DeploymentControllerType.EXTERNAL
                || service.deploymentController().type() == DeploymentControllerType.CODE_DEPLOY);
    }

    /**
     * What ECS does for the EXTERNAL and CODE_DEPLOY deployment controllers: each task set runs its scale of the service's
     * desired count (its tasks started by the set's id), behind the set's own target groups; the tasks of a
     * deleted set stop.
     */
    private void reconcileTaskSets(EcsClient ecs, String cluster, Service service, List<Task> mine) {
        String group = "service:" + service.serviceName();
        List<TaskSet> sets = ecs.describeTaskSets(r -> r.cluster(cluster).service(service.serviceName())).taskSets();
        Set<String> live = new HashSet<>();
        sets.forEach(set -> live.add(set.id()));
        for (Task task : mine) {
            if (!live.contains(task.startedBy())) {
                ecs.stopTask(r -> r.cluster(cluster).task(task.taskArn()).reason("Task set deleted"));
            }
        }
        // A target group a deleted set used has nobody left behind it: ECS deregisters a stopped task's targets.
        Set<String> claimed = new HashSet<>();
        sets.forEach(set -> set.loadBalancers().forEach(lb -> claimed.add(lb.targetGroupArn())));
        Set<String> used = groupsUsed.computeIfAbsent(service.serviceArn(), k -> new HashSet<>());
        for (String gone : used.stream().filter(tg -> !claimed.contains(tg)).toList()) {
            syncTargets(List.of(LoadBalancer.builder().targetGroupArn(gone).containerPort(0).build()), List.of());
        }
        used.addAll(claimed);
        for (TaskSet set : sets) {
            double scale = set.scale() == null || set.scale().value() == null ? 100.0 : set.scale().value();
            int desired = (int) Math.ceil(scale / 100.0 * service.desiredCount());
            List<Task> ofSet = mine.stream().filter(t -> set.id().equals(t.startedBy())).toList();
            List<Task> kept = keepAt(ecs, cluster, service.serviceName(), new ArrayList<>(ofSet), desired, r -> r.taskDefinition(set.taskDefinition())
                    .launchType(set.launchType()).networkConfiguration(set.networkConfiguration()).group(group).startedBy(set.id()));
            syncTargets(set.loadBalancers(), kept);
        }
    }

    /** Starts or stops tasks until {@code tasks} holds {@code desired}; returns the tasks kept. */
    static List<Task> keepAt(EcsClient ecs, String cluster, String service, List<Task> tasks, int desired,
                                     java.util.function.Consumer<software.amazon.awssdk.services.ecs.model.RunTaskRequest.Builder> how) {
        int missing = desired - tasks.size();
        while (missing > 0) {
            int count = Math.min(missing, 10);
            List<Task> started = ecs.runTask(r -> how.accept(r.cluster(cluster).count(count))).tasks();
            if (started.isEmpty()) {
                LOG.info("No room for another task of {} in {}; waiting for instances", service, cluster);
                break;
            }
            tasks.addAll(started);
            missing -= started.size();
        }
        for (int extra = -missing; extra > 0 && !tasks.isEmpty(); extra--) {
            Task stopping = tasks.remove(tasks.size() - 1);
            ecs.stopTask(r -> r.cluster(cluster).task(stopping.taskArn()).reason("Scaling activity initiated by the service scheduler"));
        }
        return tasks;
    }

    /** Registers every live task's IP in the target groups and removes IPs of tasks that are gone. */
    private void syncTargets(List<LoadBalancer> loadBalancers, List<Task> live) {
        ElasticLoadBalancingV2Client elb = clients.elb(target);
        Set<String> ips = new HashSet<>();
        live.forEach(t -> privateIp(t).ifPresent(ips::add));
        for (LoadBalancer lb : loadBalancers) {
            if (lb.targetGroupArn() == null) {
                continue;
            }
            int port = lb.containerPort();
            Set<String> registered = new HashSet<>();
            for (TargetHealthDescription d : elb.describeTargetHealth(r -> r.targetGroupArn(lb.targetGroupArn())).targetHealthDescriptions()) {
                registered.add(d.target().id());
                if (!ips.contains(d.target().id())) {
                    elb.deregisterTargets(r -> r.targetGroupArn(lb.targetGroupArn()).targets(t -> t.id(d.target().id()).port(d.target().port())));
                }
            }
            for (String ip : ips) {
                if (!registered.contains(ip)) {
                    elb.registerTargets(r -> r.targetGroupArn(lb.targetGroupArn()).targets(t -> t.id(ip).port(port)));
                }
            }
        }
    }

    public static Optional<String> privateIp(Task task) {
        for (Attachment attachment : task.attachments()) {
            for (KeyValuePair detail : attachment.details()) {
                if ("privateIPv4Address".equals(detail.name())) {
                    return Optional.ofNullable(detail.value());
                }
            }
        }
        return Optional.empty();
    }
}
