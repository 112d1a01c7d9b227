package dev.capstan.ops.task;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.capstan.aws.sandbox.OneOffTaskPlayer;
import dev.capstan.domain.CommandSyntax;
import dev.capstan.domain.CommandWords;
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
import dev.capstan.testworld.TaskHarness;
import dev.capstan.testworld.TestEstate;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import software.amazon.awssdk.services.ecs.model.AssignPublicIp;
import software.amazon.awssdk.services.ecs.model.Compatibility;
import software.amazon.awssdk.services.ecs.model.ContainerOverride;
import software.amazon.awssdk.services.ecs.model.KeyValuePair;
import software.amazon.awssdk.services.ecs.model.LaunchType;
import software.amazon.awssdk.services.ecs.model.NetworkMode;
import software.amazon.awssdk.services.ecs.model.RunTaskRequest;

/**
 * One-off Fargate tasks against moto: the harness plays each task to RUNNING, writes its log lines into
 * the container's awslogs stream, then stops it with the exit code the test chose.
 */
@ExtendWith({MotoExtension.class, PostgresExtension.class})
class OneOffTaskTest {
    private static final List<String> SCRIPT = TaskHarness.SCRIPT;
    @TempDir
    Path dir;
    private EngineWorld engine;
    private Environment environment;
    private final ScheduledExecutorService harness = Executors.newSingleThreadScheduledExecutor();

    @BeforeEach
    void setUp(MotoWorld moto, SandboxDatabase database) throws Exception {
        environment = TestEstate.environment(moto, database, "migrator");
        engine = new EngineWorld(moto, dir.resolve("runs"));
        moto.faults().clear();
    }

    @AfterEach
    void tearDown() {
        harness.shutdownNow();
        engine.close();
    }

    private TaskRunRequest request(String command, String container, List<String> subnets) {
        return new TaskRunRequest(environment.service(), engine.taskDefinitions.revisions(
                engine.targets.of(environment), environment.service()).get(0).arn(), container,
                CommandWords.split(command, CommandSyntax.AUTO), Map.of("LOG_LEVEL", "debug"), subnets,
                environment.network().securityGroups(), false, true, Duration.ofSeconds(60));
    }

    private RunRecord run(OneOffTask task) throws Exception {
        return engine.runner.start(task, engine.runner.plan(task), Decision.yes(), RunListener.NONE).finished().get(90, TimeUnit.SECONDS);
    }

    @Test
    void aMigrationThatExitsZeroSucceedsWithItsLogsAndTheExactRequestWasSent(MotoWorld moto) throws Exception {
        TaskHarness.play(moto, environment.cluster(), 0, harness);
        OneOffTask task = engine.tasks.task(environment, request("run,migration:run", "web", environment.network().subnets()));

        RunRecord run = run(task);

        assertThat(run.outcome()).as(run.error()).isEqualTo(RunOutcome.SUCCEEDED);
        assertThat(run.facts()).containsEntry("exitCode", List.of("0")).containsEntry("containerExits", List.of("web=0"));
        List<String> watched = run.steps().get(2).log();
        assertThat(watched.get(0)).matches("Task [0-9a-f-]+ is RUNNING");
        assertThat(watched).containsSubsequence(SCRIPT).last().asString().matches("Task [0-9a-f-]+ is STOPPED");
        assertThat(run.steps().get(2).summary()).contains("exited 0").contains(OneOffTaskPlayer.EXITED);

        List<RunTaskRequest> sent = moto.faults().requests("RunTask").stream().map(RunTaskRequest.class::cast).toList();
        assertThat(sent).hasSize(1);
        RunTaskRequest request = sent.get(0);
        assertThat(request.launchType()).isEqualTo(LaunchType.FARGATE);
        assertThat(request.count()).isEqualTo(1);
        assertThat(request.startedBy()).isEqualTo(run.id());
        assertThat(request.taskDefinition()).isEqualTo(task.request().taskDefinition()).startsWith("arn:aws:ecs:");
        assertThat(request.networkConfiguration().awsvpcConfiguration().subnets()).isEqualTo(environment.network().subnets());
        assertThat(request.networkConfiguration().awsvpcConfiguration().securityGroups()).isEqualTo(environment.network().securityGroups());
        assertThat(request.networkConfiguration().awsvpcConfiguration().assignPublicIp()).isEqualTo(AssignPublicIp.DISABLED);
        assertThat(request.overrides().containerOverrides()).containsExactly(ContainerOverride.builder().name("web")
                .command("run", "migration:run").environment(KeyValuePair.builder().name("LOG_LEVEL").value("debug").build()).build());
        assertThat(OneOffTaskFactory.recentCommands(engine.runner.store(), environment.name(), 5)).containsExactly("run migration:run");
        assertThat(run.facts().get("taskArn")).singleElement().satisfies(arn ->
                assertThat(engine.ecs.tasksStartedBy(moto.target(), environment.cluster(), run.id())).containsExactly(arn));
    }

    @Test
    void aMigrationThatExitsThreeFailsWithTheReasonAndItsLastLines(MotoWorld moto) throws Exception {
        TaskHarness.play(moto, environment.cluster(), 3, harness);

        RunRecord run = run(engine.tasks.task(environment, request("npm run 'migration:run'", "web", environment.network().subnets())));

        assertThat(run.outcome()).isEqualTo(RunOutcome.FAILED);
        assertThat(run.facts()).containsEntry("exitCode", List.of("3"));
        assertThat(run.error()).contains("stopped: " + OneOffTaskPlayer.EXITED).contains("container web exited 3")
                .contains("Last log lines:\n  " + String.join("\n  ", SCRIPT));
        assertThat(((RunTaskRequest) moto.faults().requests("RunTask").get(0)).overrides().containerOverrides().get(0).command())
                .containsExactly("npm", "run", "migration:run");
    }

    @Test
    void thePlanShowsTheExactCommandAndWarnsWhenTheRevisionIsNotTheNewest(MotoWorld moto) throws Exception {
        String running = engine.ecs.service(moto.target(), environment.cluster(), environment.service()).taskDefinition();
        TaskRunDefaults defaults = engine.tasks.defaults(environment, null, null);
        assertThat(defaults.taskDefinition()).isEqualTo(running);
        assertThat(defaults.container()).isEqualTo("web");
        assertThat(defaults.behindLatest()).isFalse();
        var ecs = moto.clients().ecs(moto.target());
        var current = ecs.describeTaskDefinition(r -> r.taskDefinition(running)).taskDefinition();
        ecs.registerTaskDefinition(r -> r.family(current.family()).networkMode(current.networkMode()).cpu(current.cpu())
                .memory(current.memory()).requiresCompatibilitiesWithStrings(current.requiresCompatibilitiesAsStrings())
                .containerDefinitions(current.containerDefinitions()));
        moto.faults().clear();

        TaskRunDefaults later = engine.tasks.defaults(environment, null, null);
        Plan plan = engine.runner.plan(engine.tasks.task(environment, new TaskRunRequest(environment.service(), later.taskDefinition(),
                later.container(), List.of("run", "migration:run"), Map.of(), later.subnets(), later.securityGroups(), false, true,
                java.time.Duration.ofMinutes(60))));

        assertThat(later.behindLatest()).isTrue();
        assertThat(plan.steps()).extracting(PlannedStep::id).containsExactly("check-request", "start-task", "watch-task");
        assertThat(plan.step("start-task").sentence()).contains("running [\"run\",\"migration:run\"]").contains("public IP DISABLED");
        assertThat(plan.warnings()).anyMatch(w -> w.contains("is the newest revision of") && w.contains(later.taskDefinition().substring(
                later.taskDefinition().lastIndexOf('/') + 1)));
        assertThat(moto.faults().sent("RunTask")).isZero();
    }

    @Test
    void badInputIsRefusedBeforeAnythingRunsWithTheReasonAndTheFix(MotoWorld moto) throws Exception {
        assertThatThrownBy(() -> CommandWords.split("  ", CommandSyntax.AUTO)).hasMessageContaining("The command is empty");
        assertThatThrownBy(() -> CommandWords.split("sh -c 'echo hi", CommandSyntax.AUTO))
                .hasMessageContaining("The ' at column 7 of the command is never closed");
        assertThatThrownBy(() -> engine.runner.plan(engine.tasks.task(environment, request("run,migration:run", "worker",
                environment.network().subnets())))).hasMessageContaining("has no container named worker; it has web");
        assertThatThrownBy(() -> engine.runner.plan(engine.tasks.task(environment, request("run,migration:run", "web",
                List.of("subnet-0000dead"))))).hasMessageContaining("Subnet subnet-0000dead does not exist")
                .hasMessageContaining("network.subnets");
        var ecs = moto.clients().ecs(moto.target());
        String ec2Only = ecs.registerTaskDefinition(r -> r.family("migrator-ec2-only").networkMode(NetworkMode.BRIDGE)
                .requiresCompatibilities(Compatibility.EC2)
                .containerDefinitions(c -> c.name("web").image("nginx:1.27").memory(256))).taskDefinition().taskDefinitionArn();
        assertThatThrownBy(() -> engine.runner.plan(engine.tasks.task(environment, new TaskRunRequest(null, ec2Only, "web",
                List.of("true"), Map.of(), environment.network().subnets(), environment.network().securityGroups(), false, true,
                java.time.Duration.ofMinutes(60))))).hasMessageContaining("is not Fargate-compatible (requiresCompatibilities: EC2; networkMode: bridge)");

        assertThat(moto.faults().sent("RunTask")).isZero();
        assertThat(engine.runner.store().summaries()).isEmpty();
    }

    @Test
    void withoutWaitingTheRunEndsOnceTheTaskIsStarted(MotoWorld moto) throws Exception {
        TaskRunRequest r = request("run,migration:run", "web", environment.network().subnets());
        OneOffTask task = engine.tasks.task(environment, new TaskRunRequest(r.service(), r.taskDefinition(), r.container(), r.command(),
                Map.of(), r.subnets(), r.securityGroups(), true, false, r.timeout()));

        RunRecord run = run(task);

        assertThat(run.outcome()).as(run.error()).isEqualTo(RunOutcome.SUCCEEDED);
        assertThat(run.steps()).hasSize(2);
        assertThat(((RunTaskRequest) moto.faults().requests("RunTask").get(0)).networkConfiguration().awsvpcConfiguration().assignPublicIp())
                .isEqualTo(AssignPublicIp.ENABLED);
        assertThat(run.facts()).containsKey("taskArn").doesNotContainKey("exitCode");
    }
}
