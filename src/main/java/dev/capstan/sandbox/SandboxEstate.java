package dev.capstan.sandbox;

import dev.capstan.aws.sandbox.EnvironmentSpec;
import dev.capstan.domain.DeploySettings;
import java.util.List;

/**
 * The estate the sandbox builds, modelled on a districting app's deployment runbook: a staging and a
 * production cluster, each with its app service, task definition family, log group and region-data
 * bucket. Staging runs on EC2 instances of an auto scaling group, and is
 * restarted rolling; production runs on Fargate in task sets and is deployed blue/green with task sets. These names are the sandbox's own data; Capstan itself reads every
 * name from a workspace.
 */
public final class SandboxEstate {
    public static final String PROFILE = "capstan-sandbox";
    public static final String REGION = "us-east-1";
    public static final String LOCK_TABLE = "capstan-locks";
    /** Where the sandbox's runs are mirrored, as a team's would be: one table serves every environment. */
    public static final String HISTORY_TABLE = "capstan-history";
    private static final List<String> REGIONS = List.of("PA", "MI", "TX", "VA", "WI");

    private SandboxEstate() {
    }

    /** The suffix of an image tag the sandbox plays as a broken build: its tasks start, crash and exit 1 (deploy b7c8d9e-broken to see the circuit breaker). */
    public static final String BROKEN_TAG_SUFFIX = "-broken";

    /**
     * A rolling environment's deploys run the app's migrations from the new revision before traffic reaches it; its branch
     * environments are reached at NAME.preview.capstan.test, seeded by the app's seed script, and live three days.
     */
    public static final DeploySettings MIGRATE_BEFORE_TRAFFIC = new DeploySettings(null, List.of(), List.of(),
            new DeploySettings.Migration("run,migration:run", null), null,
            new DeploySettings.Branches("preview.capstan.test", "run,seed:run", "3d"));

    public static boolean brokenImage(String image) {
        return image != null && image.endsWith(BROKEN_TAG_SUFFIX);
    }

    public static List<EnvironmentSpec> environments(int objectsPerRegion) {
        return List.of(
                new EnvironmentSpec("staging", "ecsStagingCluster", "StagingApp", "StagingApp", 4, 2, "app",
                        "logStagingApp", "asgStaging", "districtbuilder-staging-data", REGIONS, objectsPerRegion, 10, EnvironmentSpec.EC2, EnvironmentSpec.ROLLING),
                new EnvironmentSpec("production", "ecsProductionCluster", "ProductionApp", "ProductionApp", 3, 3, "app",
                        "logProductionApp", null, "districtbuilder-production-data", REGIONS, objectsPerRegion, 20, EnvironmentSpec.FARGATE, EnvironmentSpec.TASK_SETS),
                new EnvironmentSpec(CODE_DEPLOYED, "ecsApiCluster", "ProductionApi", "ProductionApi", 3, 2, "app",
                        "logProductionApi", null, "districtbuilder-api-data", REGIONS, objectsPerRegion, 30, EnvironmentSpec.FARGATE, EnvironmentSpec.CODE_DEPLOY));
    }

    /** The production-like environment whose service CodeDeploy deploys blue/green, waiting for approval before traffic moves. */
    public static final String CODE_DEPLOYED = "production-api";

    /** How long the CodeDeploy deployments of the sandbox wait for someone to reroute traffic. */
    public static final int APPROVAL_MINUTES = 60;

    /** The CodeDeploy environment's deploys: the migration first, and a smoke test hook once the replacement takes test traffic. */
    public static final DeploySettings CODE_DEPLOY_SETTINGS = new DeploySettings(null, List.of(), List.of(),
            new DeploySettings.Migration("run,migration:run", null),
            new DeploySettings.CodeDeploy(null, null, java.util.Map.of("AfterAllowTestTraffic", "ProductionApiSmokeTest")));
}
