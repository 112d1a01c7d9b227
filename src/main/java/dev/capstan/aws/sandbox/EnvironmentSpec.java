package dev.capstan.aws.sandbox;

import java.util.List;

/**
 * What the seeder builds for one sandbox environment. Every name comes from here, so tests and the
 * sandbox can build estates of any shape. {@code launchType} is FARGATE or EC2; an EC2 service runs on
 * the instances of its auto scaling group, which must then be named. {@code controller} is the service's deployment
 * controller: ECS (rolling), EXTERNAL (blue/green with task sets, the first one PRIMARY behind blue) or CODE_DEPLOY (a
 * CodeDeploy application and deployment group deploy it blue/green between its blue and green target groups).
 */
public record EnvironmentSpec(String name, String cluster, String service, String family, int revisions, int desiredCount,
                              String container, String logGroup, String autoScalingGroup, String bucket,
                              List<String> regions, int objectsPerRegion, int vpcIndex, String launchType, String controller) {
    public static final String FARGATE = "FARGATE";
    public static final String EC2 = "EC2";
    public static final String ROLLING = "ECS";
    public static final String TASK_SETS = "EXTERNAL";
    public static final String CODE_DEPLOY = "CODE_DEPLOY";

    public EnvironmentSpec {
        regions = List.copyOf(regions);
        if (!FARGATE.equals(launchType) && !EC2.equals(launchType)) {
            throw new IllegalArgumentException("launchType must be FARGATE or EC2, not " + launchType);
        }
        if (!ROLLING.equals(controller) && !TASK_SETS.equals(controller) && !CODE_DEPLOY.equals(controller)) {
            throw new IllegalArgumentException("controller must be ECS, EXTERNAL or CODE_DEPLOY, not " + controller);
        }
        if (EC2.equals(launchType) && autoScalingGroup == null) {
            throw new IllegalArgumentException("An EC2 service needs an auto scaling group for its instances");
        }
    }

    public boolean ec2() {
        return EC2.equals(launchType);
    }

    /** Deployed blue/green with task sets (the EXTERNAL controller). */
    public boolean blueGreen() {
        return TASK_SETS.equals(controller);
    }

    public boolean codeDeploy() {
        return CODE_DEPLOY.equals(controller);
    }

    /** The same environment run by the other launch type (EC2 keeps the auto scaling group; FARGATE keeps it too, unused). */
    public EnvironmentSpec withLaunchType(String type) {
        return new EnvironmentSpec(name, cluster, service, family, revisions, desiredCount, container, logGroup, autoScalingGroup, bucket,
                regions, objectsPerRegion, vpcIndex, type, controller);
    }

    /** The same environment with another starting desired count. */
    public EnvironmentSpec withDesiredCount(int count) {
        return new EnvironmentSpec(name, cluster, service, family, revisions, count, container, logGroup, autoScalingGroup, bucket,
                regions, objectsPerRegion, vpcIndex, launchType, controller);
    }

    /** The same environment deployed blue/green: EXTERNAL deployment controller, task sets. */
    public EnvironmentSpec withBlueGreen() {
        return withController(TASK_SETS);
    }

    /** The same environment deployed by another controller: ECS, EXTERNAL or CODE_DEPLOY. */
    public EnvironmentSpec withController(String deployedBy) {
        return new EnvironmentSpec(name, cluster, service, family, revisions, desiredCount, container, logGroup, autoScalingGroup, bucket,
                regions, objectsPerRegion, vpcIndex, launchType, deployedBy);
    }
}
