package dev.capstan.aws;

import dev.capstan.domain.AwsTarget;
import dev.capstan.domain.CheckResult;
import dev.capstan.domain.Environment;
import dev.capstan.domain.LoadBalancerSettings;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Supplier;
import software.amazon.awssdk.core.exception.SdkException;
import software.amazon.awssdk.services.ecs.model.Cluster;
import software.amazon.awssdk.services.ecs.model.ContainerDefinition;
import software.amazon.awssdk.services.ecs.model.Service;
import software.amazon.awssdk.services.elasticloadbalancingv2.model.TargetGroupNotFoundException;
import software.amazon.awssdk.services.s3.model.NoSuchBucketException;
import software.amazon.awssdk.services.dynamodb.model.ResourceNotFoundException;
import software.amazon.awssdk.services.elasticloadbalancingv2.model.ListenerNotFoundException;

/** The AWS half of the environment check; each check makes one or two read calls. */
public final class SdkEstateProbe implements EstateProbe {
    private final AwsClients clients;
    private final NetworkGateway network;

    public SdkEstateProbe(AwsClients clients) {
        this.clients = clients;
        this.network = new SdkNetworkGateway(clients);
    }

    @Override
    public List<CheckResult> check(Environment env, AwsTarget target) {
        List<CheckResult> results = new ArrayList<>();
        results.add(guard("cluster", env.cluster(), target, () -> cluster(env, target)));
        Service service = env.service() == null ? null : findService(env, target, results);
        if (env.service() == null) {
            results.add(CheckResult.notSet("service"));
        }
        results.add(container(env, target, service));
        if (env.network() == null) {
            results.add(CheckResult.notSet("network"));
        } else {
            results.add(guard("network.subnets", String.join(", ", env.network().subnets()), target, () -> subnets(env, target)));
            results.add(guard("network.securityGroups", String.join(", ", env.network().securityGroups()), target,
                    () -> securityGroups(env, target)));
        }
        results.add(env.logGroup() == null ? CheckResult.notSet("logGroup")
                : guard("logGroup", env.logGroup(), target, () -> logGroup(env, target)));
        results.add(env.autoScalingGroup() == null ? CheckResult.notSet("autoScalingGroup")
                : guard("autoScalingGroup", env.autoScalingGroup(), target, () -> autoScalingGroup(env, target)));
        if (env.loadBalancer() == null) {
            results.add(CheckResult.notSet("loadBalancer"));
        } else {
            LoadBalancerSettings lb = env.loadBalancer();
            results.add(guard("loadBalancer.listenerArn", lb.listenerArn(), target, () -> listener(lb, target)));
            results.add(guard("loadBalancer.blueTargetGroupArn", lb.blueTargetGroupArn(), target,
                    () -> targetGroup("loadBalancer.blueTargetGroupArn", lb.blueTargetGroupArn(), target)));
            results.add(guard("loadBalancer.greenTargetGroupArn", lb.greenTargetGroupArn(), target,
                    () -> targetGroup("loadBalancer.greenTargetGroupArn", lb.greenTargetGroupArn(), target)));
        }
        results.add(env.regionData() == null ? CheckResult.notSet("regionData")
                : guard("regionData.bucket", env.regionData().bucket(), target, () -> bucket(env.regionData().bucket(), target)));
        results.add(env.lockTable() == null ? CheckResult.notSet("lockTable")
                : guard("lockTable", env.lockTable(), target, () -> dynamoTable("lockTable", env.lockTable(), target,
                        "Capstan can create it when a deploy first needs the lock")));
        if (env.historyTable() != null) {
            // Said only where it is named: an environment without one keeps its history on each machine, which is no fault.
            results.add(guard("historyTable", env.historyTable(), target, () -> dynamoTable("historyTable", env.historyTable(), target,
                    "create it with capstan history create-table --env " + env.name() + " to share runs with the team")));
        }
        return results;
    }

    private static CheckResult guard(String field, String value, AwsTarget target, Supplier<CheckResult> check) {
        try {
            return check.get();
        } catch (SdkException e) {
            return CheckResult.failed(field, value, AwsErrors.explain(e, target, "check " + field).getMessage());
        } catch (AwsProblem e) {
            return CheckResult.failed(field, value, e.getMessage());
        }
    }

    private CheckResult cluster(Environment env, AwsTarget target) {
        List<Cluster> clusters = clients.ecs(target).describeClusters(r -> r.clusters(env.cluster())).clusters();
        if (clusters.isEmpty() || !"ACTIVE".equals(clusters.get(0).status())) {
            return CheckResult.failed("cluster", env.cluster(), "no active ECS cluster of that name in " + target.region());
        }
        Cluster c = clusters.get(0);
        return CheckResult.ok("cluster", env.cluster(), c.activeServicesCount() + " services, " + c.runningTasksCount() + " running tasks");
    }

    /** Adds the service's check to the results and returns the service, or null when it is not there. */
    private Service findService(Environment env, AwsTarget target, List<CheckResult> results) {
        try {
            Service found = clients.ecs(target).describeServices(r -> r.cluster(env.cluster()).services(env.service())).services().stream()
                    .filter(s -> !"INACTIVE".equals(s.status()))
                    .findFirst().orElse(null);
            results.add(found == null
                    ? CheckResult.failed("service", env.service(), "no active service of that name in cluster " + env.cluster())
                    : CheckResult.ok("service", env.service(), found.status() + ", " + found.runningCount() + " of "
                            + found.desiredCount() + " tasks running, task definition " + shortName(found.taskDefinition())));
            return found;
        } catch (SdkException e) {
            results.add(CheckResult.failed("service", env.service(), AwsErrors.explain(e, target, "check service").getMessage()));
            return null;
        }
    }

    private CheckResult container(Environment env, AwsTarget target, Service service) {
        if (env.container() == null) {
            return CheckResult.notSet("container");
        }
        if (service == null) {
            return CheckResult.failed("container", env.container(), "cannot be checked without the service");
        }
        return guard("container", env.container(), target, () -> {
            List<ContainerDefinition> containers = clients.ecs(target)
                    .describeTaskDefinition(r -> r.taskDefinition(service.taskDefinition())).taskDefinition().containerDefinitions();
            boolean present = containers.stream().anyMatch(c -> c.name().equals(env.container()));
            return present
                    ? CheckResult.ok("container", env.container(), "defined in " + shortName(service.taskDefinition()))
                    : CheckResult.failed("container", env.container(), "not in " + shortName(service.taskDefinition()) + "; its containers are "
                            + String.join(", ", containers.stream().map(ContainerDefinition::name).toList()));
        });
    }

    private CheckResult subnets(Environment env, AwsTarget target) {
        List<String> wanted = env.network().subnets();
        List<String> missing = network.missingSubnets(target, wanted);
        return missing.isEmpty()
                ? CheckResult.ok("network.subnets", String.join(", ", wanted), wanted.size() + " subnets found")
                : CheckResult.failed("network.subnets", String.join(", ", wanted), "not found: " + String.join(", ", missing));
    }

    private CheckResult securityGroups(Environment env, AwsTarget target) {
        String value = String.join(", ", env.network().securityGroups());
        if (env.network().securityGroups().isEmpty()) {
            return CheckResult.failed("network.securityGroups", value, "is empty; tasks need at least one security group");
        }
        List<String> missing = network.missingSecurityGroups(target, env.network().securityGroups());
        return missing.isEmpty()
                ? CheckResult.ok("network.securityGroups", value, env.network().securityGroups().size() + " security groups found")
                : CheckResult.failed("network.securityGroups", value, "not found: " + String.join(", ", missing));
    }

    private CheckResult logGroup(Environment env, AwsTarget target) {
        boolean exists = clients.logs(target).describeLogGroups(r -> r.logGroupNamePrefix(env.logGroup())).logGroups().stream()
                .anyMatch(g -> g.logGroupName().equals(env.logGroup()));
        return exists ? CheckResult.ok("logGroup", env.logGroup(), "log group exists")
                : CheckResult.failed("logGroup", env.logGroup(), "no CloudWatch log group of that name in " + target.region());
    }

    private CheckResult autoScalingGroup(Environment env, AwsTarget target) {
        var groups = clients.autoScaling(target).describeAutoScalingGroups(r -> r.autoScalingGroupNames(env.autoScalingGroup()))
                .autoScalingGroups();
        if (groups.isEmpty()) {
            return CheckResult.failed("autoScalingGroup", env.autoScalingGroup(), "no auto scaling group of that name");
        }
        var g = groups.get(0);
        return CheckResult.ok("autoScalingGroup", env.autoScalingGroup(),
                "desired " + g.desiredCapacity() + " (min " + g.minSize() + ", max " + g.maxSize() + ")");
    }

    private CheckResult listener(LoadBalancerSettings lb, AwsTarget target) {
        try {
            var listener = clients.elb(target).describeListeners(r -> r.listenerArns(lb.listenerArn())).listeners().get(0);
            return CheckResult.ok("loadBalancer.listenerArn", lb.listenerArn(), listener.protocolAsString() + " on port " + listener.port());
        } catch (ListenerNotFoundException e) {
            return CheckResult.failed("loadBalancer.listenerArn", lb.listenerArn(), "no listener with that ARN");
        }
    }

    private CheckResult targetGroup(String field, String arn, AwsTarget target) {
        try {
            var group = clients.elb(target).describeTargetGroups(r -> r.targetGroupArns(arn)).targetGroups().get(0);
            return CheckResult.ok(field, arn, group.targetGroupName() + ", " + group.protocolAsString() + " port " + group.port());
        } catch (TargetGroupNotFoundException e) {
            return CheckResult.failed(field, arn, "no target group with that ARN");
        }
    }

    private CheckResult bucket(String bucket, AwsTarget target) {
        try {
            clients.s3(target).headBucket(r -> r.bucket(bucket));
            return CheckResult.ok("regionData.bucket", bucket, "bucket exists and is readable");
        } catch (NoSuchBucketException e) {
            return CheckResult.failed("regionData.bucket", bucket, "no bucket of that name");
        }
    }

    private CheckResult dynamoTable(String field, String table, AwsTarget target, String whenMissing) {
        try {
            var status = clients.dynamoDb(target).describeTable(r -> r.tableName(table)).table().tableStatusAsString();
            return CheckResult.ok(field, table, "DynamoDB table " + status);
        } catch (ResourceNotFoundException e) {
            return CheckResult.failed(field, table, "no DynamoDB table of that name; " + whenMissing);
        }
    }

    private static String shortName(String taskDefinitionArn) {
        return taskDefinitionArn.substring(taskDefinitionArn.lastIndexOf('/') + 1);
    }
}
