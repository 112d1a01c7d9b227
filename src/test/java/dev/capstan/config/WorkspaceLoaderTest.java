package dev.capstan.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.capstan.domain.Environment;
import dev.capstan.domain.Workspace;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class WorkspaceLoaderTest {
    private static final String VALID = """
            environments:
              - name: staging
                profile: district-builder
                region: us-east-1
                endpoint: http://127.0.0.1:5000
                production: false
                readOnly: false
                cluster: ecsStagingCluster
                service: StagingApp
                container: app
                network: { subnets: [subnet-a, subnet-b], securityGroups: [sg-1], assignPublicIp: false }
                logGroup: logStagingApp
                autoScalingGroup: asgStaging
                loadBalancer: { listenerArn: "arn:l", blueTargetGroupArn: "arn:b", greenTargetGroupArn: "arn:g" }
                regionData: { bucket: districtbuilder-staging-data }
                database: { url: "jdbc:postgresql://host:5432/districtbuilder", user: districtbuilder, passwordEnv: DB_PASSWORD }
                lockTable: capstan-locks
              - name: production
                profile: district-builder
                region: eu-west-2
                production: true
                cluster: ecsProductionCluster
            """;

    @TempDir
    Path dir;
    private final WorkspaceLoader loader = new WorkspaceLoader();

    private Path write(String yaml) throws Exception {
        Path file = dir.resolve("capstan.yaml");
        Files.writeString(file, yaml);
        return file;
    }

    private WorkspaceException refusal(String yaml) throws Exception {
        Path file = write(yaml);
        try {
            loader.load(file);
        } catch (WorkspaceException e) {
            return e;
        }
        throw new AssertionError("the workspace was accepted:\n" + yaml);
    }

    @Test
    void readsEveryKeyOfTheDocumentedShape() throws Exception {
        Workspace workspace = loader.load(write(VALID));
        Environment staging = workspace.environment("staging").orElseThrow();
        assertThat(staging.network().subnets()).containsExactly("subnet-a", "subnet-b");
        assertThat(staging.network().securityGroups()).containsExactly("sg-1");
        assertThat(staging.loadBalancer().greenTargetGroupArn()).isEqualTo("arn:g");
        assertThat(staging.database().passwordEnv()).isEqualTo("DB_PASSWORD");
        assertThat(staging.endpointOverride()).contains("http://127.0.0.1:5000");
        Environment production = workspace.environment("production").orElseThrow();
        assertThat(production.production()).isTrue();
        assertThat(production.readOnly()).isFalse();
        assertThat(production.loadBalancer()).isNull();
        assertThat(production.endpointOverride()).isEmpty();
    }

    @Test
    void writerAndLoaderAgree() throws Exception {
        Workspace original = loader.load(write(VALID));
        Path copy = dir.resolve("copy.yaml");
        new WorkspaceWriter().write(copy, "round trip", original.environments());
        assertThat(loader.load(copy).environments()).isEqualTo(original.environments());
    }

    @Test
    void missingFileSaysWhichPath() {
        assertThatThrownBy(() -> loader.load(dir.resolve("nope.yaml")))
                .isInstanceOf(WorkspaceException.class)
                .hasMessageContaining("no such file").hasMessageContaining("nope.yaml");
    }

    @Test
    void emptyFileIsRefused() throws Exception {
        assertThat(refusal("").getMessage()).contains("empty");
    }

    @Test
    void brokenYamlGivesTheLine() throws Exception {
        WorkspaceException e = refusal("environments:\n  - name: staging\n    profile: \"unterminated\n    region: us-east-1\n");
        assertThat(e.getMessage()).contains("not valid YAML");
        assertThat(e.line()).isGreaterThanOrEqualTo(3);
    }

    @Test
    void misspeltKeyIsRefusedWithItsLineAndTheAllowedKeys() throws Exception {
        WorkspaceException e = refusal(VALID.replace("    readOnly: false", "    readonly: false"));
        assertThat(e.line()).isEqualTo(7);
        assertThat(e.field()).isEqualTo("environments[0].readonly");
        assertThat(e.getMessage()).contains("unknown key 'readonly'; did you mean 'readOnly'?");
    }

    @Test
    void misspeltRequiredKeyIsReportedAsTheTypoItIs() throws Exception {
        WorkspaceException e = refusal(VALID.replace("    cluster: ecsProductionCluster", "    clustr: ecsProductionCluster"));
        assertThat(e.line()).isEqualTo(22);
        assertThat(e.getMessage()).contains("unknown key 'clustr'; did you mean 'cluster'?");
    }

    @Test
    void unknownNestedKeyListsTheAllowedOnes() throws Exception {
        WorkspaceException e = refusal(VALID.replace("regionData: { bucket:", "regionData: { bukkit_name:"));
        assertThat(e.field()).isEqualTo("environments[0].regionData.bukkit_name");
        assertThat(e.line()).isEqualTo(15);
        assertThat(e.getMessage()).contains("the keys allowed here are: bucket");
    }

    @Test
    void missingRequiredFieldPointsAtTheEnvironment() throws Exception {
        WorkspaceException e = refusal(VALID.replace("    cluster: ecsProductionCluster\n", ""));
        assertThat(e.field()).isEqualTo("environments[1].cluster");
        assertThat(e.line()).isEqualTo(18);
        assertThat(e.getMessage()).contains("is missing").contains("ECS cluster");
    }

    @Test
    void badValueOfANestedFieldPointsAtThatField() throws Exception {
        WorkspaceException e = refusal(VALID.replace("jdbc:postgresql://host:5432/districtbuilder", "postgres://host/db"));
        assertThat(e.field()).isEqualTo("environments[0].database.url");
        assertThat(e.line()).isEqualTo(16);
        assertThat(e.getMessage()).contains("not a PostgreSQL JDBC URL");
    }

    /** The valid workspace with one setting under production's {@code deploy:}. */
    private static String withProductionDeploy(String setting) {
        return VALID.replace("    cluster: ecsProductionCluster\n", "    cluster: ecsProductionCluster\n    deploy:\n      " + setting + "\n");
    }

    @Test
    void aCodeDeployGroupAndItsHooksAreReadAndAWrongEventIsRefused() throws Exception {
        String codeDeploy = withProductionDeploy("codeDeploy: { application: AppECS-p, deploymentGroup: DgpECS-p, hooks: { AfterAllowTestTraffic: smoke } }");
        var settings = loader.load(write(codeDeploy)).environment("production").orElseThrow().deployment().codeDeploy();
        assertThat(settings.application()).isEqualTo("AppECS-p");
        assertThat(settings.hooks()).containsEntry("AfterAllowTestTraffic", "smoke");

        WorkspaceException e = refusal(codeDeploy.replace("AfterAllowTestTraffic", "AfterTraffic"));
        assertThat(e.field()).startsWith("environments[1].deploy.codeDeploy");
        assertThat(e.getMessage()).contains("AfterTraffic is not a lifecycle event with hooks").contains("BeforeAllowTraffic");
        assertThat(refusal(codeDeploy.replace("deploymentGroup: DgpECS-p, ", "")).getMessage()).contains("name both application and deploymentGroup");
    }

    @Test
    void branchSettingsAreReadWithTheirDefaultsAndABadDomainOrTtlIsRefused() throws Exception {
        String branches = withProductionDeploy("branches: { domain: preview.example.com, seedCommand: \"run,seed:run\" }");
        var settings = loader.load(write(branches)).environment("production").orElseThrow().deployment().branchesOrDefaults();
        assertThat(settings.domain()).isEqualTo("preview.example.com");
        assertThat(settings.seedCommand()).isEqualTo("run,seed:run");
        assertThat(settings.ttlOrDefault()).isEqualTo(java.time.Duration.ofDays(3));
        assertThat(loader.load(write(VALID)).environment("staging").orElseThrow().deployment().branchesOrDefaults().domain()).isNull();

        WorkspaceException e = refusal(branches.replace("preview.example.com", "https://preview.example.com/"));
        assertThat(e.field()).startsWith("environments[1].deploy.branches");
        assertThat(e.getMessage()).contains("is not a DNS domain; write it like preview.example.com");
        assertThat(refusal(branches.replace("seedCommand", "ttl: fortnight, seedCommand")).getMessage()).contains("'fortnight' is not a duration");
        assertThat(refusal(branches.replace("seedCommand", "seedComand")).getMessage()).contains("did you mean 'seedCommand'?");
    }

    @Test
    void regionMustLookLikeARegion() throws Exception {
        WorkspaceException e = refusal(VALID.replace("eu-west-2", "Ireland"));
        assertThat(e.field()).isEqualTo("environments[1].region");
        assertThat(e.line()).isEqualTo(20);
        assertThat(e.getMessage()).contains("'Ireland' is not an AWS region");
    }

    @Test
    void wrongShapeIsExplained() throws Exception {
        WorkspaceException e = refusal(VALID.replace("[subnet-a, subnet-b]", "{ a: 1 }"));
        assertThat(e.field()).startsWith("environments[0].network.subnets");
        assertThat(e.line()).isEqualTo(11);
    }

    @Test
    void namesMustBeUnique() throws Exception {
        WorkspaceException e = refusal(VALID.replace("name: production", "name: staging"));
        assertThat(e.field()).isEqualTo("environments[1].name");
        assertThat(e.getMessage()).contains("'staging' is used by an earlier environment");
    }

    @Test
    void aFileWithoutEnvironmentsIsRefused() throws Exception {
        assertThat(refusal("environments: []\n").getMessage()).contains("environments").contains("at least one");
    }
}
