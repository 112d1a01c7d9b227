package dev.capstan.testworld;

import dev.capstan.aws.sandbox.EcsScheduler;
import dev.capstan.aws.sandbox.EnvironmentSpec;
import dev.capstan.aws.sandbox.EstateSeeder;
import dev.capstan.aws.sandbox.SeededEnvironment;
import dev.capstan.domain.DatabaseSettings;
import dev.capstan.domain.Environment;
import dev.capstan.domain.LoadBalancerSettings;
import dev.capstan.domain.NetworkSettings;
import dev.capstan.domain.RegionDataSettings;
import dev.capstan.sandbox.SandboxDatabase;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;

/** Seeds a small environment into moto (and its database) with names unlike the sandbox's, and describes it as a workspace would. */
public final class TestEstate {
    private static final AtomicInteger DATABASES = new AtomicInteger();

    private TestEstate() {
    }

    public static EnvironmentSpec spec(String name) {
        return new EnvironmentSpec(name, name + "-cluster", name + "-web", name + "-web", 2, 2, "web",
                "/ecs/" + name + "-web", name + "-asg", name + "-regions", List.of("OH", "NC"), 3, 30 + Math.abs(name.hashCode() % 200),
                EnvironmentSpec.FARGATE, EnvironmentSpec.ROLLING);
    }

    public static SeededEnvironment seed(MotoWorld moto, EnvironmentSpec spec) {
        return seed(moto, spec, moto.target(), 0);
    }

    private static SeededEnvironment seed(MotoWorld moto, EnvironmentSpec spec, dev.capstan.domain.AwsTarget target, int approvalMinutes) {
        EstateSeeder seeder = new EstateSeeder(moto.clients(), target).withApprovalWait(approvalMinutes);
        SeededEnvironment seeded = seeder.seed(spec);
        new EcsScheduler(moto.clients(), target, List.of(spec.cluster())).reconcileOnce();
        return seeded;
    }

    /** Seeds the environment, its lock table and its database, and returns the workspace entry for it. */
    public static Environment environment(MotoWorld moto, SandboxDatabase database, String name) throws Exception {
        return environment(moto, database, spec(name));
    }

    /** As {@link #environment(MotoWorld, SandboxDatabase, String)}, for a spec a test shaped (EC2 launch type, another count). */
    public static Environment environment(MotoWorld moto, SandboxDatabase database, EnvironmentSpec spec) throws Exception {
        return environment(moto, database, spec, MotoWorld.REGION);
    }

    /** As {@link #environment(MotoWorld, SandboxDatabase, EnvironmentSpec)}, in another region of the same moto. */
    public static Environment environment(MotoWorld moto, SandboxDatabase database, EnvironmentSpec spec, String region) throws Exception {
        return environment(moto, database, spec, region, 0);
    }

    /**
     * A service deployed through CodeDeploy (its application and group named as the ECS console names them), whose deployments
     * wait up to {@code approvalMinutes} for someone to reroute traffic (0: they go on by themselves).
     */
    public static Environment codeDeployEnvironment(MotoWorld moto, SandboxDatabase database, String name, int approvalMinutes) throws Exception {
        return environment(moto, database, spec(name).withController(EnvironmentSpec.CODE_DEPLOY), MotoWorld.REGION, approvalMinutes);
    }

    private static Environment environment(MotoWorld moto, SandboxDatabase database, EnvironmentSpec spec, String region, int approvalMinutes)
            throws Exception {
        String name = spec.name();
        EstateSeeder seeder = new EstateSeeder(moto.clients(), moto.target(region));
        seeder.lockTable(name + "-locks");
        SeededEnvironment seeded = seed(moto, spec, moto.target(region), approvalMinutes);
        String databaseName = "db_" + name.replaceAll("[^a-z0-9]", "_") + "_" + DATABASES.incrementAndGet();
        database.createRegionDatabase(databaseName, seeded.regionUris());
        return workspaceEntry(seeded, moto, new DatabaseSettings(database.jdbcUrl(databaseName), database.user(), null), name + "-locks", region);
    }

    public static Environment workspaceEntry(SeededEnvironment seeded, MotoWorld moto, DatabaseSettings database, String lockTable) {
        return workspaceEntry(seeded, moto, database, lockTable, MotoWorld.REGION);
    }

    private static Environment workspaceEntry(SeededEnvironment seeded, MotoWorld moto, DatabaseSettings database, String lockTable, String region) {
        EnvironmentSpec s = seeded.spec();
        return new Environment(s.name(), MotoWorld.PROFILE, region, moto.endpoint(), false, false, s.cluster(), s.service(),
                s.container(), new NetworkSettings(seeded.subnets(), seeded.securityGroups(), false), s.logGroup(), s.autoScalingGroup(),
                new LoadBalancerSettings(seeded.listenerArn(), seeded.blueTargetGroupArn(), seeded.greenTargetGroupArn()),
                new RegionDataSettings(s.bucket()), database, lockTable, null, null);
    }

    /** The same environment with a different cluster name: one field broken, everything else intact. */
    public static Environment withCluster(Environment e, String cluster) {
        return new Environment(e.name() + "-broken", e.profile(), e.region(), e.endpoint(), e.production(), e.readOnly(), cluster,
                e.service(), e.container(), e.network(), e.logGroup(), e.autoScalingGroup(), e.loadBalancer(), e.regionData(),
                e.database(), e.lockTable(), e.historyTable(), e.deploy());
    }

    /** The same environment with deploy settings (a promotion gate, pre- and post-deploy commands). */
    public static Environment withDeploy(Environment e, dev.capstan.domain.DeploySettings deploy) {
        return new Environment(e.name(), e.profile(), e.region(), e.endpoint(), e.production(), e.readOnly(), e.cluster(),
                e.service(), e.container(), e.network(), e.logGroup(), e.autoScalingGroup(), e.loadBalancer(), e.regionData(),
                e.database(), e.lockTable(), e.historyTable(), deploy);
    }

    /** The same environment under another name, marked production and/or read-only. */
    public static Environment variant(Environment e, String name, boolean production, boolean readOnly) {
        return new Environment(name, e.profile(), e.region(), e.endpoint(), production, readOnly, e.cluster(),
                e.service(), e.container(), e.network(), e.logGroup(), e.autoScalingGroup(), e.loadBalancer(), e.regionData(),
                e.database(), e.lockTable(), e.historyTable(), e.deploy());
    }

    /** The same environment reached through another endpoint, such as a fault proxy in front of the stand-in. */
    public static Environment withEndpoint(Environment e, String endpoint) {
        return new Environment(e.name(), e.profile(), e.region(), endpoint, e.production(), e.readOnly(), e.cluster(),
                e.service(), e.container(), e.network(), e.logGroup(), e.autoScalingGroup(), e.loadBalancer(), e.regionData(),
                e.database(), e.lockTable(), e.historyTable(), e.deploy());
    }

    /** The same environment with other database settings, such as a line the test can cut. */
    public static Environment withDatabase(Environment e, DatabaseSettings database) {
        return new Environment(e.name(), e.profile(), e.region(), e.endpoint(), e.production(), e.readOnly(), e.cluster(),
                e.service(), e.container(), e.network(), e.logGroup(), e.autoScalingGroup(), e.loadBalancer(), e.regionData(),
                database, e.lockTable(), e.historyTable(), e.deploy());
    }

    /** The same environment sharing its runs in the named history table. */
    public static Environment withHistoryTable(Environment e, String table) {
        return new Environment(e.name(), e.profile(), e.region(), e.endpoint(), e.production(), e.readOnly(), e.cluster(),
                e.service(), e.container(), e.network(), e.logGroup(), e.autoScalingGroup(), e.loadBalancer(), e.regionData(),
                e.database(), e.lockTable(), table, e.deploy());
    }
}
