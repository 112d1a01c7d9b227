package dev.capstan.aws.sandbox;

import java.util.List;

/**
 * What the seeder builds for one sandbox environment. Every name comes from here, so tests and the
 * sandbox can build estates of any shape.
 */
public record EnvironmentSpec(String name, String cluster, String service, String family, int revisions, int desiredCount,
                              String container, String logGroup, String autoScalingGroup, String bucket,
                              List<String> regions, int objectsPerRegion, int vpcIndex) {
    public EnvironmentSpec {
        regions = List.copyOf(regions);
    }
}
