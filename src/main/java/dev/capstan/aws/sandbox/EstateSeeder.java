package dev.capstan.aws.sandbox;

import dev.capstan.aws.AwsClients;
import dev.capstan.domain.AwsTarget;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import software.amazon.awssdk.core.sync.RequestBody;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.codedeploy.CodeDeployClient;
import software.amazon.awssdk.services.codedeploy.model.AutoRollbackEvent;
import software.amazon.awssdk.services.codedeploy.model.ComputePlatform;
import software.amazon.awssdk.services.codedeploy.model.DeploymentOption;
import software.amazon.awssdk.services.codedeploy.model.DeploymentReadyAction;
import software.amazon.awssdk.services.codedeploy.model.DeploymentType;
import software.amazon.awssdk.services.codedeploy.model.InstanceAction;
import software.amazon.awssdk.services.dynamodb.model.BillingMode;
import software.amazon.awssdk.services.dynamodb.model.KeyType;
import software.amazon.awssdk.services.dynamodb.model.ScalarAttributeType;
import software.amazon.awssdk.services.ec2.Ec2Client;
import software.amazon.awssdk.services.ecs.EcsClient;
import software.amazon.awssdk.services.ecs.model.AssignPublicIp;
import software.amazon.awssdk.services.ecs.model.Compatibility;
import software.amazon.awssdk.services.ecs.model.DeploymentControllerType;
import software.amazon.awssdk.services.ecs.model.LaunchType;
import software.amazon.awssdk.services.ecs.model.LogDriver;
import software.amazon.awssdk.services.ecs.model.NetworkMode;
import software.amazon.awssdk.services.elasticloadbalancingv2.ElasticLoadBalancingV2Client;
import software.amazon.awssdk.services.elasticloadbalancingv2.model.ActionTypeEnum;
import software.amazon.awssdk.services.elasticloadbalancingv2.model.ProtocolEnum;
import software.amazon.awssdk.services.elasticloadbalancingv2.model.TargetTypeEnum;

/**
 * Builds an estate in an AWS stand-in: network, cluster, task definition revisions, an ALB with blue
 * and green target groups, the service, an auto scaling group, a log group, region data on S3 and the
 * deploy-lock table. It only creates; run it against a freshly reset server.
 */
public final class EstateSeeder {
    /** The account a local stand-in answers for (moto's default). */
    private static final String ACCOUNT = "123456789012";
    private final AwsClients clients;
    private final AwsTarget target;
    private final int approvalMinutes;

    public EstateSeeder(AwsClients clients, AwsTarget target) {
        this(clients, target, 0);
    }

    private EstateSeeder(AwsClients clients, AwsTarget target, int approvalMinutes) {
        this.clients = clients;
        this.target = target;
        this.approvalMinutes = approvalMinutes;
    }

    /** A seeder whose CodeDeploy groups wait up to {@code minutes} for someone to reroute traffic (0: they go on by themselves). */
    public EstateSeeder withApprovalWait(int minutes) {
        return new EstateSeeder(clients, target, minutes);
    }

    public SeededEnvironment seed(EnvironmentSpec spec) {
        Ec2Client ec2 = clients.ec2(target);
        String cidr = "10." + spec.vpcIndex() + ".";
        String vpc = ec2.createVpc(r -> r.cidrBlock(cidr + "0.0/16")).vpc().vpcId();
        // moto gives awsvpc tasks an IP only in a VPC with DNS host names, as a real VPC for ECS has.
        ec2.modifyVpcAttribute(r -> r.vpcId(vpc).enableDnsHostnames(b -> b.value(true)));
        List<String> subnets = new ArrayList<>();
        String[] zones = {"a", "b"};
        for (int i = 0; i < zones.length; i++) {
            String cidrBlock = cidr + (i + 1) + ".0/24";
            String zone = target.region() + zones[i];
            subnets.add(ec2.createSubnet(r -> r.vpcId(vpc).cidrBlock(cidrBlock).availabilityZone(zone)).subnet().subnetId());
        }
        String sg = ec2.createSecurityGroup(r -> r.vpcId(vpc).groupName(spec.name() + "-app").description("App tasks of " + spec.name()))
                .groupId();

        EcsClient ecs = clients.ecs(target);
        ecs.createCluster(r -> r.clusterName(spec.cluster()));
        String taskDefinition = registerRevisions(ecs, spec);

        ElasticLoadBalancingV2Client elb = clients.elb(target);
        String alb = elb.createLoadBalancer(r -> r.name(spec.name() + "-alb").subnets(subnets).securityGroups(sg))
                .loadBalancers().get(0).loadBalancerArn();
        String blue = targetGroup(elb, spec.name() + "-blue", vpc);
        String green = targetGroup(elb, spec.name() + "-green", vpc);
        String listener;
        if (spec.codeDeploy()) {
            // CodeDeploy moves production traffic by pointing the production listener at the other target group.
            listener = forwardingListener(elb, alb, 80, blue);
        } else {
            listener = elb.createListener(r -> r.loadBalancerArn(alb).protocol(ProtocolEnum.HTTP).port(80)
                            .defaultActions(a -> a.type(ActionTypeEnum.FIXED_RESPONSE).fixedResponseConfig(f -> f.statusCode("404"))))
                    .listeners().get(0).listenerArn();
            // The active colour is the one whose rule has the lower priority; blue starts active.
            rule(elb, listener, blue, 10);
            rule(elb, listener, green, 20);
        }

        if (spec.codeDeploy()) {
            // The stand-in makes the service's first task set, PRIMARY behind blue, as ECS does for this controller.
            ecs.createService(r -> r.cluster(spec.cluster()).serviceName(spec.service()).taskDefinition(taskDefinition)
                    .desiredCount(spec.desiredCount()).launchType(LaunchType.fromValue(spec.launchType()))
                    .deploymentController(d -> d.type(DeploymentControllerType.CODE_DEPLOY))
                    .networkConfiguration(n -> n.awsvpcConfiguration(a -> a.subnets(subnets).securityGroups(sg).assignPublicIp(AssignPublicIp.DISABLED)))
                    .loadBalancers(lb -> lb.targetGroupArn(blue).containerName(spec.container()).containerPort(3000)));
            codeDeployGroup(spec, listener, forwardingListener(elb, alb, 8080, blue));
        } else if (spec.blueGreen()) {
            // A task-set blue/green service only holds the count; its one task set, PRIMARY, runs the revision behind blue.
            // No scale is given (ECS's default is 100%): given one, moto starts tasks of its own that belong to no set.
            ecs.createService(r -> r.cluster(spec.cluster()).serviceName(spec.service()).desiredCount(spec.desiredCount())
                    .deploymentController(d -> d.type(DeploymentControllerType.EXTERNAL)));
            String taskSet = ecs.createTaskSet(r -> r.cluster(spec.cluster()).service(spec.service()).taskDefinition(taskDefinition)
                    .externalId("seeded").launchType(LaunchType.fromValue(spec.launchType()))
                    .networkConfiguration(n -> n.awsvpcConfiguration(a -> a.subnets(subnets).securityGroups(sg).assignPublicIp(AssignPublicIp.DISABLED)))
                    .loadBalancers(lb -> lb.targetGroupArn(blue).containerName(spec.container()).containerPort(3000))).taskSet().taskSetArn();
            ecs.updateServicePrimaryTaskSet(r -> r.cluster(spec.cluster()).service(spec.service()).primaryTaskSet(taskSet));
        } else {
            // Created at no tasks, then counted up below: moto marks a service's first deployment COMPLETED only when it starts with
            // as many running as desired, and it never updates it after.
            ecs.createService(r -> r.cluster(spec.cluster()).serviceName(spec.service()).taskDefinition(taskDefinition)
                    .desiredCount(0).launchType(LaunchType.fromValue(spec.launchType()))
                    .networkConfiguration(n -> n.awsvpcConfiguration(a -> a.subnets(subnets).securityGroups(sg).assignPublicIp(AssignPublicIp.DISABLED)))
                    .loadBalancers(lb -> lb.targetGroupArn(blue).containerName(spec.container()).containerPort(3000)));
        }
        // moto counts running tasks only when the desired count is set by an update.
        ecs.updateService(r -> r.cluster(spec.cluster()).service(spec.service()).desiredCount(spec.desiredCount()));

        if (spec.autoScalingGroup() != null) {
            autoScalingGroup(spec, subnets);
        }
        clients.logs(target).createLogGroup(r -> r.logGroupName(spec.logGroup()));
        Map<String, String> regionUris = regionData(spec);
        return new SeededEnvironment(spec, subnets, List.of(sg), listener, blue, green, regionUris);
    }

    private static String forwardingListener(ElasticLoadBalancingV2Client elb, String alb, int port, String targetGroup) {
        return elb.createListener(r -> r.loadBalancerArn(alb).protocol(ProtocolEnum.HTTP).port(port)
                .defaultActions(a -> a.type(ActionTypeEnum.FORWARD).targetGroupArn(targetGroup))).listeners().get(0).listenerArn();
    }

    /**
     * The CodeDeploy application and deployment group that deploy the service blue/green, named as the ECS console names
     * them: test traffic on port 8080, all at once, CodeDeploy's own rollback on failure, and the wait for approval if any.
     */
    private void codeDeployGroup(EnvironmentSpec spec, String production, String test) {
        CodeDeployClient codeDeploy = clients.codeDeploy(target);
        String application = "AppECS-" + spec.cluster() + "-" + spec.service();
        codeDeploy.createApplication(r -> r.applicationName(application).computePlatform(ComputePlatform.ECS));
        codeDeploy.createDeploymentGroup(r -> r.applicationName(application).deploymentGroupName("DgpECS-" + spec.cluster() + "-" + spec.service())
                .serviceRoleArn("arn:aws:iam::" + ACCOUNT + ":role/ecsCodeDeployRole").deploymentConfigName("CodeDeployDefault.ECSAllAtOnce")
                .deploymentStyle(d -> d.deploymentType(DeploymentType.BLUE_GREEN).deploymentOption(DeploymentOption.WITH_TRAFFIC_CONTROL))
                .blueGreenDeploymentConfiguration(b -> b
                        .deploymentReadyOption(o -> o.actionOnTimeout(approvalMinutes > 0 ? DeploymentReadyAction.STOP_DEPLOYMENT
                                : DeploymentReadyAction.CONTINUE_DEPLOYMENT).waitTimeInMinutes(approvalMinutes))
                        .terminateBlueInstancesOnDeploymentSuccess(t -> t.action(InstanceAction.TERMINATE).terminationWaitTimeInMinutes(0)))
                .autoRollbackConfiguration(a -> a.enabled(true).events(AutoRollbackEvent.DEPLOYMENT_FAILURE, AutoRollbackEvent.DEPLOYMENT_STOP_ON_REQUEST))
                .ecsServices(e -> e.clusterName(spec.cluster()).serviceName(spec.service()))
                .loadBalancerInfo(l -> l.targetGroupPairInfoList(p -> p
                        .targetGroups(g -> g.name(spec.name() + "-blue"), g -> g.name(spec.name() + "-green"))
                        .prodTrafficRoute(t -> t.listenerArns(production)).testTrafficRoute(t -> t.listenerArns(test)))));
    }

    /**
     * A cluster of many small FARGATE services for benchmarks: one VPC, one task definition, {@code services}
     * services of {@code tasksPerService} tasks each (the scheduler starts the tasks).
     */
    public void wideCluster(String cluster, int services, int tasksPerService) {
        Ec2Client ec2 = clients.ec2(target);
        String vpc = ec2.createVpc(r -> r.cidrBlock("10.200.0.0/16")).vpc().vpcId();
        ec2.modifyVpcAttribute(r -> r.vpcId(vpc).enableDnsHostnames(b -> b.value(true)));
        String subnet = ec2.createSubnet(r -> r.vpcId(vpc).cidrBlock("10.200.0.0/18").availabilityZone(target.region() + "a"))
                .subnet().subnetId();
        String sg = ec2.createSecurityGroup(r -> r.vpcId(vpc).groupName(cluster + "-bench").description("benchmark tasks")).groupId();
        EcsClient ecs = clients.ecs(target);
        ecs.createCluster(r -> r.clusterName(cluster));
        String taskDefinition = ecs.registerTaskDefinition(r -> r.family(cluster + "-app").networkMode(NetworkMode.AWSVPC)
                .requiresCompatibilities(Compatibility.FARGATE).cpu("256").memory("512")
                .containerDefinitions(c -> c.name("app").image("nginx:1.27").cpu(256).memory(512).essential(true)))
                .taskDefinition().taskDefinitionArn();
        for (int i = 1; i <= services; i++) {
            String name = String.format("%s-svc-%02d", cluster, i);
            ecs.createService(r -> r.cluster(cluster).serviceName(name).taskDefinition(taskDefinition).desiredCount(tasksPerService)
                    .launchType(LaunchType.FARGATE)
                    .networkConfiguration(n -> n.awsvpcConfiguration(a -> a.subnets(subnet).securityGroups(sg).assignPublicIp(AssignPublicIp.DISABLED))));
            ecs.updateService(r -> r.cluster(cluster).service(name).desiredCount(tasksPerService));
        }
    }

    /** A log group of {@code streams} streams named app/web/task-N, each with {@code perStream} events a millisecond apart from {@code from}. */
    public void logGroupWithEvents(String group, int streams, int perStream, long from) {
        var logs = clients.logs(target);
        logs.createLogGroup(r -> r.logGroupName(group));
        for (int s = 0; s < streams; s++) {
            String stream = "app/web/task-" + s;
            logs.createLogStream(r -> r.logGroupName(group).logStreamName(stream));
            List<software.amazon.awssdk.services.cloudwatchlogs.model.InputLogEvent> events = new ArrayList<>();
            for (int i = 0; i < perStream; i++) {
                events.add(software.amazon.awssdk.services.cloudwatchlogs.model.InputLogEvent.builder().timestamp(from + i)
                        .message("INFO request " + i + " served in 12 ms by " + stream).build());
            }
            logs.putLogEvents(r -> r.logGroupName(group).logStreamName(stream).logEvents(events));
        }
    }

    /** An empty log group with one stream, for lines put one at a time ({@link #putLine}). */
    public void logStream(String group, String stream) {
        var logs = clients.logs(target);
        logs.createLogGroup(r -> r.logGroupName(group));
        logs.createLogStream(r -> r.logGroupName(group).logStreamName(stream));
    }

    /** One line, stamped now, as a task's awslogs driver would put it. */
    public void putLine(String group, String stream, String message) {
        clients.logs(target).putLogEvents(r -> r.logGroupName(group).logStreamName(stream)
                .logEvents(e -> e.timestamp(System.currentTimeMillis()).message(message)));
    }

    /**
     * A bucket holding {@code count} objects under the prefix, 200 B, 2 KB and 20 KB in turn: the mix the
     * S3 backup benchmark copies.
     */
    public void benchObjects(String bucket, String prefix, int count) {
        var s3 = clients.s3(target);
        createBucket(s3, bucket);
        ExecutorService pool = Executors.newFixedThreadPool(16);
        try {
            List<Future<?>> writes = new ArrayList<>();
            for (int i = 0; i < count; i++) {
                String key = prefix + "/" + String.format("chunks/part-%05d.json", i);
                String body = "x".repeat(new int[] {200, 2_000, 20_000}[i % 3]);
                writes.add(pool.submit(() -> s3.putObject(r -> r.bucket(bucket).key(key), RequestBody.fromString(body))));
            }
            for (Future<?> write : writes) {
                write.get();
            }
        } catch (Exception e) {
            throw new IllegalStateException("Seeding the benchmark's objects failed: " + e.getMessage(), e);
        } finally {
            pool.shutdownNow();
        }
    }

    /** The DynamoDB table deploy locks live in; one per region serves every environment. */
    public void lockTable(String table) {
        clients.dynamoDb(target).createTable(r -> r.tableName(table).billingMode(BillingMode.PAY_PER_REQUEST)
                .attributeDefinitions(a -> a.attributeName("lockKey").attributeType(ScalarAttributeType.S))
                .keySchema(k -> k.attributeName("lockKey").keyType(KeyType.HASH)));
    }

    private String registerRevisions(EcsClient ecs, EnvironmentSpec spec) {
        String arn = null;
        for (int revision = 1; revision <= spec.revisions(); revision++) {
            String tag = String.format("%07x", 0xa476b78L + revision * 0x1f3dL);
            String image = ACCOUNT + ".dkr.ecr." + target.region() + ".amazonaws.com/" + spec.family().toLowerCase() + ":" + tag;
            // As on AWS, where a Fargate task that pulls from ECR and logs with awslogs needs an execution role.
            arn = ecs.registerTaskDefinition(r -> r.family(spec.family())
                    .executionRoleArn("arn:aws:iam::" + ACCOUNT + ":role/" + spec.family() + "-execution")
                    .networkMode(NetworkMode.AWSVPC)
                    .requiresCompatibilities(Compatibility.FARGATE, Compatibility.EC2)
                    .cpu("512").memory("1024")
                    .containerDefinitions(c -> c.name(spec.container()).image(image).essential(true).memory(1024)
                            .portMappings(p -> p.containerPort(3000).hostPort(3000))
                            .environment(e -> e.name("PORT").value("3000"), e -> e.name("NODE_ENV").value(spec.name()))
                            .secrets(s -> s.name("POSTGRES_PASSWORD").valueFrom("arn:aws:secretsmanager:" + target.region()
                                    + ":" + ACCOUNT + ":secret:" + spec.name() + "-db"))
                            .logConfiguration(l -> l.logDriver(LogDriver.AWSLOGS).options(Map.of(
                                    "awslogs-group", spec.logGroup(), "awslogs-region", target.region(), "awslogs-stream-prefix", "app")))))
                    .taskDefinition().taskDefinitionArn();
        }
        return arn;
    }

    private static String targetGroup(ElasticLoadBalancingV2Client elb, String name, String vpc) {
        return elb.createTargetGroup(r -> r.name(name).protocol(ProtocolEnum.HTTP).port(3000).vpcId(vpc)
                        .targetType(TargetTypeEnum.IP).healthCheckPath("/health"))
                .targetGroups().get(0).targetGroupArn();
    }

    private static void rule(ElasticLoadBalancingV2Client elb, String listener, String targetGroup, int priority) {
        elb.createRule(r -> r.listenerArn(listener).priority(priority)
                .conditions(c -> c.field("path-pattern").values("/*"))
                .actions(a -> a.type(ActionTypeEnum.FORWARD).targetGroupArn(targetGroup)));
    }

    /**
     * The group whose instances join the cluster (tagged with it, as {@link ContainerAgents} reads), as many as
     * the service's tasks to begin with, at most twice as many: room for a rolling restart and no more.
     */
    private void autoScalingGroup(EnvironmentSpec spec, List<String> subnets) {
        var asg = clients.autoScaling(target);
        String configuration = spec.autoScalingGroup() + "-lc";
        int desired = Math.max(1, spec.desiredCount());
        asg.createLaunchConfiguration(r -> r.launchConfigurationName(configuration).imageId("ami-12c6146b").instanceType("m5.large"));
        asg.createAutoScalingGroup(r -> r.autoScalingGroupName(spec.autoScalingGroup()).launchConfigurationName(configuration)
                .minSize(1).maxSize(2 * desired).desiredCapacity(desired).vpcZoneIdentifier(String.join(",", subnets))
                .tags(t -> t.key(ContainerAgents.CLUSTER_TAG).value(spec.cluster()).propagateAtLaunch(false)
                        .resourceId(spec.autoScalingGroup()).resourceType("auto-scaling-group")));
    }

    /** Raises the environment's auto scaling group by {@code extra} instances (within its maximum): room beside the service's tasks. */
    public void spareInstances(EnvironmentSpec spec, int extra) {
        var asg = clients.autoScaling(target);
        var group = asg.describeAutoScalingGroups(r -> r.autoScalingGroupNames(spec.autoScalingGroup())).autoScalingGroups().get(0);
        int wanted = Math.min(group.maxSize(), group.desiredCapacity() + extra);
        asg.setDesiredCapacity(r -> r.autoScalingGroupName(spec.autoScalingGroup()).desiredCapacity(wanted));
    }

    /** A few regions' worth of files under dated prefixes, many small objects each, written in parallel. */
    private Map<String, String> regionData(EnvironmentSpec spec) {
        var s3 = clients.s3(target);
        createBucket(s3, spec.bucket());
        Map<String, String> uris = new LinkedHashMap<>();
        List<Future<?>> writes = new ArrayList<>();
        ExecutorService pool = Executors.newFixedThreadPool(4);
        try {
            for (String region : spec.regions()) {
                String prefix = "regions/" + region + "/2024-06-01";
                uris.put(region, "s3://" + spec.bucket() + "/" + prefix);
                for (int i = 0; i < spec.objectsPerRegion(); i++) {
                    String key = prefix + "/" + objectName(i);
                    String body = "{\"region\":\"" + region + "\",\"part\":" + i + ",\"data\":\"" + "x".repeat(200 + 37 * i % 900) + "\"}";
                    writes.add(pool.submit(() -> s3.putObject(r -> r.bucket(spec.bucket()).key(key), RequestBody.fromString(body))));
                }
            }
            // The next release of the first region's data, beside the current one: every fifth object changed, the rest the same.
            String region = spec.regions().get(0);
            String next = "regions/" + region + "/2024-09-01";
            for (int i = 0; i < spec.objectsPerRegion(); i++) {
                String key = next + "/" + objectName(i);
                String data = "x".repeat(200 + 37 * i % 900) + (i % 5 == 0 ? "-2024-09" : "");
                String body = "{\"region\":\"" + region + "\",\"part\":" + i + ",\"data\":\"" + data + "\"}";
                writes.add(pool.submit(() -> s3.putObject(r -> r.bucket(spec.bucket()).key(key), RequestBody.fromString(body))));
            }
            for (Future<?> write : writes) {
                write.get();
            }
        } catch (Exception e) {
            throw new IllegalStateException("Seeding the region data of " + spec.name() + " failed: " + e.getMessage(), e);
        } finally {
            pool.shutdownNow();
        }
        return uris;
    }

    private static String objectName(int i) {
        return switch (i) {
            case 0 -> "static-metadata.json";
            case 1 -> "topo.buf";
            case 2 -> "demographics.buf";
            default -> String.format("chunks/geolevel-%04d.json", i);
        };
    }

    /** S3 asks for the bucket's region to be named everywhere but in us-east-1, its original region. */
    private void createBucket(software.amazon.awssdk.services.s3.S3Client s3, String bucket) {
        if (Region.US_EAST_1.id().equals(target.region())) {
            s3.createBucket(r -> r.bucket(bucket));
        } else {
            s3.createBucket(r -> r.bucket(bucket).createBucketConfiguration(c -> c.locationConstraint(target.region())));
        }
    }
}
