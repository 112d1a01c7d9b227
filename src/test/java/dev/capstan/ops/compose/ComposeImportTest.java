package dev.capstan.ops.compose;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.capstan.domain.Environment;
import dev.capstan.ops.Decision;
import dev.capstan.ops.EngineWorld;
import dev.capstan.ops.Plan;
import dev.capstan.ops.PlannedStep;
import dev.capstan.ops.RunListener;
import dev.capstan.ops.RunOutcome;
import dev.capstan.ops.RunRecord;
import dev.capstan.sandbox.SandboxDatabase;
import dev.capstan.testworld.MotoExtension;
import dev.capstan.testworld.MotoWorld;
import dev.capstan.testworld.PostgresExtension;
import dev.capstan.testworld.RecordingStepContext;
import dev.capstan.testworld.TestEstate;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import software.amazon.awssdk.services.ecs.model.ContainerDefinition;
import software.amazon.awssdk.services.ecs.model.DescribeTaskDefinitionResponse;
import software.amazon.awssdk.services.ecs.model.TaskDefinitionField;

/** A compose file registered against moto as a journaled run, compared with the revision before it, and not registered twice on resume. */
@ExtendWith({MotoExtension.class, PostgresExtension.class})
class ComposeImportTest {
    private static final String COMPOSE = """
            name: %s
            services:
              web:
                image: registry.example.com/shop/web:%s
                ports: ["3000"]
                environment:
                  DATABASE_URL: postgres://shop@db:5432/shop
                depends_on:
                  db: {condition: service_healthy}
              db:
                image: postgres:16
                healthcheck:
                  test: ["CMD", "pg_isready"]
                  interval: 10s
            """;
    @TempDir
    Path dir;
    private EngineWorld engine;
    private Environment environment;

    @BeforeEach
    void setUp(MotoWorld moto, SandboxDatabase database) throws Exception {
        environment = TestEstate.environment(moto, database, "composer");
        engine = new EngineWorld(moto, dir.resolve("runs"));
    }

    @AfterEach
    void tearDown() {
        engine.close();
    }

    private Path compose(String family, String tag) throws Exception {
        Path file = dir.resolve("compose-" + tag + ".yaml");
        Files.writeString(file, COMPOSE.formatted(family, tag));
        return file;
    }

    private RunRecord importRun(Path file) throws Exception {
        ComposeTranslation translation = engine.compose.translate(environment, file, List.of(), null);
        ComposeImport operation = engine.compose.importing(environment, file, List.of(), translation);
        Plan plan = engine.runner.plan(operation);
        return engine.runner.start(operation, plan, Decision.yes(), RunListener.NONE).finished().get();
    }

    @Test
    void anImportRegistersTheTaskDefinitionAndTheNextOneIsComparedWithIt(MotoWorld moto) throws Exception {
        RunRecord first = importRun(compose("shop-compose", "1.0.0"));

        assertThat(first.outcome()).as(String.valueOf(first.error())).isEqualTo(RunOutcome.SUCCEEDED);
        assertThat(first.steps()).extracting(s -> s.planned().id()).containsExactly("read-family", "register", "compare");
        DescribeTaskDefinitionResponse registered = moto.clients().ecs(moto.target())
                .describeTaskDefinition(r -> r.taskDefinition("shop-compose").include(TaskDefinitionField.TAGS));
        assertThat(registered.taskDefinition().revision()).isEqualTo(1);
        assertThat(registered.taskDefinition().networkModeAsString()).isEqualTo("awsvpc");
        assertThat(registered.taskDefinition().requiresCompatibilitiesAsStrings()).containsExactly("FARGATE");
        assertThat(registered.taskDefinition().cpu()).isEqualTo("256");
        assertThat(registered.taskDefinition().memory()).isEqualTo("512");
        assertThat(registered.taskDefinition().executionRoleArn()).as("the environment's execution role pulls and logs").endsWith("-execution");
        ContainerDefinition web = registered.taskDefinition().containerDefinitions().get(0);
        assertThat(web.name()).isEqualTo("web");
        assertThat(web.dependsOn()).singleElement().satisfies(d -> {
            assertThat(d.containerName()).isEqualTo("db");
            assertThat(d.conditionAsString()).isEqualTo("HEALTHY");
        });
        assertThat(web.environment()).singleElement().satisfies(kv -> assertThat(kv.value()).isEqualTo("postgres://shop@localhost:5432/shop"));
        assertThat(web.logConfiguration().options()).containsEntry("awslogs-group", environment.logGroup()).containsEntry("awslogs-stream-prefix", "web");
        ContainerDefinition db = registered.taskDefinition().containerDefinitions().get(1);
        assertThat(db.healthCheck().command()).containsExactly("CMD", "pg_isready");
        assertThat(db.healthCheck().interval()).isEqualTo(10);
        assertThat(registered.tags().stream().collect(Collectors.toMap(t -> t.key(), t -> t.value())))
                .containsEntry("capstan:run", first.id()).containsEntry("capstan:source", "compose-1.0.0.yaml");
        assertThat(first.steps().get(2).summary()).isEqualTo("shop-compose:1 is the family's first revision");

        RunRecord second = importRun(compose("shop-compose", "1.1.0"));

        assertThat(second.outcome()).isEqualTo(RunOutcome.SUCCEEDED);
        assertThat(second.steps().get(2).summary()).isEqualTo("shop-compose:2 differs from shop-compose:1 in 1 field");
        assertThat(second.steps().get(2).log()).containsExactly(
                "web.image: registry.example.com/shop/web:1.0.0 → registry.example.com/shop/web:1.1.0");
    }

    @Test
    void aRegistrationMadeButNotJournaledIsFoundByItsTagAndNotMadeTwice(MotoWorld moto) throws Exception {
        Path file = compose("resumed-compose", "2.0.0");
        ComposeImport operation = engine.compose.importing(environment, file, List.of(),
                engine.compose.translate(environment, file, List.of(), null));
        RegisterRevision register = (RegisterRevision) operation.steps().get(1);

        // The first run registered, then died before its journal kept the ARN; the resumed run has no such fact.
        String before = register.run(new RecordingStepContext());
        String after = register.run(new RecordingStepContext());

        assertThat(before).isEqualTo("Registered resumed-compose:1");
        assertThat(after).isEqualTo("resumed-compose:1 was registered by this run already");
        assertThat(moto.clients().ecs(moto.target()).listTaskDefinitions(r -> r.familyPrefix("resumed-compose")).taskDefinitionArns()).hasSize(1);
    }

    @Test
    void aReadOnlyEnvironmentRegistersNothing(MotoWorld moto) throws Exception {
        Environment viewer = TestEstate.variant(environment, "composer-viewer", false, true);
        Path file = compose("viewer-compose", "3.0.0");
        ComposeImport operation = engine.compose.importing(viewer, file, List.of(), engine.compose.translate(viewer, file, List.of(), null));

        assertThatThrownBy(() -> engine.runner.start(operation, engine.runner.plan(operation), Decision.yes(), RunListener.NONE).finished().get())
                .hasMessageContaining("read-only");
        assertThat(moto.clients().ecs(moto.target()).listTaskDefinitions(r -> r.familyPrefix("viewer-compose")).taskDefinitionArns()).isEmpty();
    }
}
