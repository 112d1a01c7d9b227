package dev.capstan.ops.envcheck;

import static org.assertj.core.api.Assertions.assertThat;

import dev.capstan.aws.SdkEstateProbe;
import dev.capstan.aws.StsIdentityGateway;
import dev.capstan.db.ConnectionFactory;
import dev.capstan.db.JdbcDatabaseProbe;
import dev.capstan.domain.CheckResult;
import dev.capstan.domain.DatabaseSettings;
import dev.capstan.domain.Environment;
import dev.capstan.sandbox.SandboxDatabase;
import dev.capstan.testworld.MotoExtension;
import dev.capstan.testworld.MotoWorld;
import dev.capstan.testworld.PostgresExtension;
import dev.capstan.testworld.TestEstate;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

@ExtendWith({MotoExtension.class, PostgresExtension.class})
class EnvironmentCheckTest {

    private static EnvironmentCheck check(MotoWorld moto, Map<String, String> env) {
        return new EnvironmentCheck(moto.catalog(), new StsIdentityGateway(moto.clients()), new SdkEstateProbe(moto.clients()),
                new JdbcDatabaseProbe(new ConnectionFactory(env)));
    }

    private static CheckResult field(List<CheckResult> results, String field) {
        return results.stream().filter(r -> r.field().equals(field)).findFirst().orElseThrow(() -> new AssertionError("no " + field));
    }

    @Test
    void aSeededEnvironmentPassesEveryField(MotoWorld moto, SandboxDatabase database) throws Exception {
        Environment env = TestEstate.environment(moto, database, "qa");
        List<CheckResult> results = check(moto, Map.of()).run(env);
        assertThat(results).extracting(CheckResult::field).contains("profile", "cluster", "service", "container", "network.subnets",
                "network.securityGroups", "logGroup", "autoScalingGroup", "loadBalancer.listenerArn", "loadBalancer.blueTargetGroupArn",
                "loadBalancer.greenTargetGroupArn", "regionData.bucket", "lockTable", "database");
        assertThat(results).allSatisfy(r -> assertThat(r.status()).as(r.field() + ": " + r.detail()).isEqualTo(CheckResult.Status.OK));
        assertThat(field(results, "database").detail()).contains("region_config has 2 rows");
        assertThat(field(results, "service").detail()).contains("qa-web:2");
    }

    @Test
    void aWrongClusterFailsOnThatFieldAndTheServiceInIt(MotoWorld moto, SandboxDatabase database) throws Exception {
        Environment env = TestEstate.withCluster(TestEstate.environment(moto, database, "uat"), "no-such-cluster");
        List<CheckResult> results = check(moto, Map.of()).run(env);
        assertThat(field(results, "cluster").status()).isEqualTo(CheckResult.Status.FAILED);
        assertThat(field(results, "cluster").detail()).contains("no active ECS cluster");
        assertThat(field(results, "service").status()).isEqualTo(CheckResult.Status.FAILED);
        assertThat(field(results, "logGroup").status()).isEqualTo(CheckResult.Status.OK);
        assertThat(EnvironmentCheck.allPassed(results)).isFalse();
    }

    @Test
    void missingResourcesAreNamed(MotoWorld moto, SandboxDatabase database) throws Exception {
        Environment good = TestEstate.environment(moto, database, "demo");
        Environment bad = new Environment(good.name(), good.profile(), good.region(), good.endpoint(), false, false, good.cluster(),
                good.service(), "sidecar", new dev.capstan.domain.NetworkSettings(List.of(good.network().subnets().get(0), "subnet-0000"),
                List.of("sg-0000"), false), "/no/such/group", "no-asg", good.loadBalancer(),
                new dev.capstan.domain.RegionDataSettings("no-such-bucket"), good.database(), "no-table", null, null);
        List<CheckResult> results = check(moto, Map.of()).run(bad);
        assertThat(field(results, "container").detail()).contains("not in demo-web:2").contains("web");
        assertThat(field(results, "network.subnets").detail()).isEqualTo("not found: subnet-0000");
        assertThat(field(results, "network.securityGroups").detail()).isEqualTo("not found: sg-0000");
        assertThat(field(results, "logGroup").status()).isEqualTo(CheckResult.Status.FAILED);
        assertThat(field(results, "autoScalingGroup").status()).isEqualTo(CheckResult.Status.FAILED);
        assertThat(field(results, "regionData.bucket").detail()).contains("no bucket");
        assertThat(field(results, "lockTable").detail()).contains("no DynamoDB table");
    }

    @Test
    void unknownProfileIsReportedAndNoAwsCallIsMade(MotoWorld moto, SandboxDatabase database) throws Exception {
        Environment good = TestEstate.environment(moto, database, "pre");
        moto.faults().clear();
        Environment env = new Environment(good.name(), "nobody", good.region(), good.endpoint(), false, false, good.cluster(),
                null, null, null, null, null, null, null, null, null, null, null);
        List<CheckResult> results = check(moto, Map.of()).run(env);
        assertThat(field(results, "profile").status()).isEqualTo(CheckResult.Status.FAILED);
        assertThat(field(results, "profile").detail()).contains("no such profile").contains("aws configure --profile nobody");
        assertThat(moto.faults().calls("GetCallerIdentity")).isZero();
    }

    @Test
    void databaseProblemsSayWhatToFix(MotoWorld moto, SandboxDatabase database) throws Exception {
        Environment good = TestEstate.environment(moto, database, "dbt");
        var probe = new JdbcDatabaseProbe(new ConnectionFactory(Map.of()));
        CheckResult unsetPassword = probe.check(new DatabaseSettings(good.database().url(), "postgres", "CAPSTAN_TEST_PASSWORD"));
        assertThat(unsetPassword.detail()).contains("CAPSTAN_TEST_PASSWORD").contains("not set");
        CheckResult wrongDatabase = probe.check(new DatabaseSettings(database.jdbcUrl("postgres"), "postgres", null));
        assertThat(wrongDatabase.detail()).contains("no region_config table");
        CheckResult nothingThere = probe.check(new DatabaseSettings("jdbc:postgresql://127.0.0.1:1/x", "postgres", null));
        assertThat(nothingThere.status()).isEqualTo(CheckResult.Status.FAILED);
        assertThat(nothingThere.detail()).contains("cannot connect");
    }
}
