package dev.capstan.aws.sandbox;

import java.util.List;

/**
 * What the seeder builds for one sandbox environment. Every name comes from here, so tests and the
 * sandbox can build estates of any shape. {@code launchType} is FARGATE or EC2; an EC2 service runs on
 * the instances of its auto scaling group, which must then be named. A {@code blueGreen} service uses the
 * EXTERNAL deployment controller: its tasks belong to task sets, the first one PRIMARY behind blue.
 */
public record EnvironmentSpec(String name, String cluster, String service, String family, int revisions, int desiredCount,
                              String container, String logGroup, String autoScalingGroup, String bucket,
                              List<String> regions, int objectsPerRegion, int vpcIndex, String launchType, boolean blueGreen) {
    public static final String FARGATE = "FARGATE";
    public static final String EC2 = "EC2";

    public EnvironmentSpec {
        regions = List.copyOf(regions);
        if (!FARGATE.equals(launchType) && !EC2.equals(launchType)) {
            throw new IllegalArgumentException("launchType must be FARGATE or EC2, not " + launchType);
        }
        if (EC2.equals(launchType) && autoScalingGroup == null) {
            throw new IllegalArgumentException("An EC2 service needs an auto scaling group for its instances");
        }
    }

    public boolean ec2() {
        return EC2.equals(launchType);
    }

    /** The same environment run by the other launch type (EC2 keeps the auto scaling group; FARGATE keeps it too, unused). */
    public EnvironmentSpec withLaunchType(String type) {
        return new EnvironmentSpec(name, cluster, service, family, revisions, desiredCount, container, logGroup, autoScalingGroup, bucket,
                regions, objectsPerRegion, vpcIndex, type, blueGreen);
    }

    /** The same environment with another starting desired count. */
    public EnvironmentSpec withDesiredCount(int count) {
        return new EnvironmentSpec(name, cluster, service, family, revisions, count, container, logGroup, autoScalingGroup, bucket,
                regions, objectsPerRegion, vpcIndex, launchType, blueGreen);
    }

    /** The same environment deployed blue/green: EXTERNAL deployment controller, task sets. */
    public EnvironmentSpec withBlueGreen() {
        return new EnvironmentSpec(name, cluster, service, family, revisions, desiredCount, container, logGroup, autoScalingGroup, bucket,
                regions, objectsPerRegion, vpcIndex, launchType, true);
    }
}
