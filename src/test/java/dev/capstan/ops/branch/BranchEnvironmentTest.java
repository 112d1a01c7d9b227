package dev.capstan.ops.branch;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.capstan.domain.AwsTarget;
import dev.capstan.domain.DeploySettings;
import dev.capstan.domain.Environment;
import dev.capstan.ops.Decision;
import dev.capstan.ops.EngineWorld;
import dev.capstan.ops.Operation;
import dev.capstan.ops.RunListener;
import dev.capstan.ops.RunOutcome;
import dev.capstan.ops.RunRecord;
import dev.capstan.ops.StepRecord;
import dev.capstan.ops.bluegreen.DeployChild;
import dev.capstan.sandbox.SandboxDatabase;
import dev.capstan.testworld.MotoExtension;
import dev.capstan.testworld.MotoWorld;
import dev.capstan.testworld.PostgresExtension;
import dev.capstan.testworld.SchedulerLoop;
import dev.capstan.testworld.TaskHarness;
import dev.capstan.testworld.TestEstate;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import software.amazon.awssdk.services.elasticloadbalancingv2.model.Rule;
import software.amazon.awssdk.services.elasticloadbalancingv2.model.TargetGroup;

/**
 * A branch environment made beside an environment's service on moto: seeded, healthy, reached through its own listener rule,
 * listed, and destroyed leaving nothing with its tag behind; and one whose console was killed half-way, resumed.
 */
@ExtendWith({MotoExtension.class, PostgresExtension.class})
class BranchEnvironmentTest {
    private static final DeploySettings BRANCHES = new DeploySettings(null, List.of(), List.of(), null, null,
            new DeploySettings.Branches("preview.example.test", "run,seed:run", "2d"));
    @TempDir
    Path dir;
    private final ScheduledExecutorService player = Executors.newSingleThreadScheduledExecutor();
    private SchedulerLoop scheduler;
    private EngineWorld engine;
    private Environment env;
    private AwsTarget target;

    @BeforeEach
    void setUp(MotoWorld moto, SandboxDatabase database) throws Exception {
        env = TestEstate.withDeploy(TestEstate.environment(moto, database, "brancher"), BRANCHES);
        engine = new EngineWorld(moto, dir.resolve("runs"));
        target = engine.targets.of(env);
        scheduler = SchedulerLoop.start(moto, env.cluster());
        TaskHarness.play(moto, env.cluster(), 0, player);
    }

    @AfterEach
    void tearDown() throws Exception {
        player.shutdownNow();
        player.awaitTermination(5, TimeUnit.SECONDS);
        scheduler.close();
        engine.close();
    }

    private RunRecord run(Operation operation) throws Exception {
        return engine.runner.start(operation, engine.runner.plan(operation), Decision.yes(), RunListener.NONE).finished().get(2, TimeUnit.MINUTES);
    }

    private static String summary(RunRecord run, String step) {
        return run.steps().stream().filter(s -> s.planned().id().equals(step)).findFirst().map(StepRecord::summary).orElseThrow();
    }

    /** Every resource in the estate that carries the branch's tag: services, target groups, listener rules and active revisions. */
    private List<String> tagged(MotoWorld moto, String branch) {
        String tag = env.name() + "/" + branch;
        List<String> found = new ArrayList<>();
        engine.branches.list(env).stream().filter(b -> b.name().equals(branch)).forEach(b -> found.add("service " + b.service()));
        var elb = moto.clients().elb(moto.target());
        List<String> arns = new ArrayList<>(elb.describeTargetGroups().targetGroups().stream().map(TargetGroup::targetGroupArn).toList());
        arns.addAll(elb.describeRules(r -> r.listenerArn(env.loadBalancer().listenerArn())).rules().stream()
                .filter(r -> !r.isDefault()).map(Rule::ruleArn).toList());
        elb.describeTags(r -> r.resourceArns(arns)).tagDescriptions().stream()
                .filter(d -> d.tags().stream().anyMatch(t -> t.key().equals("capstan:branch") && t.value().equals(tag)))
                .forEach(d -> found.add(d.resourceArn()));
        var ecs = moto.clients().ecs(moto.target());
        ecs.listTaskDefinitions(r -> r.familyPrefix(env.service()).status("ACTIVE")).taskDefinitionArns().stream()
                .filter(arn -> ecs.describeTaskDefinition(r -> r.taskDefinition(arn).include(software.amazon.awssdk.services.ecs.model.TaskDefinitionField.TAGS))
                        .tags().stream().anyMatch(t -> t.key().equals("capstan:branch") && t.value().equals(tag)))
                .forEach(arn -> found.add(arn));
        return found;
    }

    @Test
    void aBranchIsCreatedSeededReachedListedAndDestroyedLeavingNothingTaggedBehind(MotoWorld moto) throws Exception {
        int servingBefore = engine.ecs.service(target, env.cluster(), env.service()).desiredCount();

        RunRecord created = run(engine.branches.create(env, "login-fix", "b7a11c3", null, null, Duration.ofMinutes(2)));

        assertThat(created.outcome()).as(created.error()).isEqualTo(RunOutcome.SUCCEEDED);
        assertThat(created.steps()).extracting(s -> s.planned().id())
                .containsExactly("register-revision", "create-target-group", "seed", "create-service", "wait-healthy", "create-rule");
        assertThat(summary(created, "seed")).startsWith("Seed from brancher-web:").contains("exited 0");
        assertThat(engine.ecs.tasksStartedBy(target, env.cluster(), created.id())).as("one seed task").hasSize(1);
        var elb = moto.clients().elb(moto.target());
        TargetGroup group = elb.describeTargetGroups(r -> r.names("brancher-web-login-fix")).targetGroups().get(0);
        Rule rule = elb.describeRules(r -> r.listenerArn(env.loadBalancer().listenerArn())).rules().stream()
                .filter(r -> r.actions().stream().anyMatch(a -> group.targetGroupArn().equals(a.targetGroupArn()))).findFirst().orElseThrow();
        assertThat(rule.conditions().get(0).hostHeaderConfig().values()).containsExactly("login-fix.preview.example.test");
        int ownRules = elb.describeRules(r -> r.listenerArn(env.loadBalancer().listenerArn())).rules().stream()
                .filter(r -> !r.isDefault() && r != rule && !r.ruleArn().equals(rule.ruleArn())).mapToInt(r -> Integer.parseInt(r.priority())).min().orElseThrow();
        assertThat(Integer.parseInt(rule.priority())).as("ahead of the environment's own rules").isLessThan(ownRules);
        var branchTasks = engine.ecs.serviceTaskDetails(target, env.cluster(), "brancher-web-login-fix");
        assertThat(branchTasks).hasSize(1);
        assertThat(engine.taskDefinitions.revision(target, branchTasks.get(0).taskDefinition()).containers().get(0).image()).endsWith(":b7a11c3");
        assertThat(elb.describeTargetHealth(r -> r.targetGroupArn(group.targetGroupArn())).targetHealthDescriptions())
                .as("the branch's task is what its rule reaches").singleElement()
                .satisfies(h -> assertThat(h.targetHealth().stateAsString()).isEqualTo("healthy"));

        List<BranchEnvironment> listed = engine.branches.list(env);
        assertThat(listed).singleElement().satisfies(b -> {
            assertThat(b.name()).isEqualTo("login-fix");
            assertThat(b.owner()).isEqualTo("tester@test-host");
            assertThat(b.url()).isEqualTo("http://login-fix.preview.example.test/");
            assertThat(Duration.between(b.createdAt(), b.expiresAt())).isEqualTo(Duration.ofDays(2));
            assertThat(b.expired(engine.branches.now())).isFalse();
            assertThat(b.health()).isEqualTo("1 of 1 running, 1 of 1 targets healthy");
        });
        assertThat(tagged(moto, "login-fix")).hasSize(4);
        assertThatThrownBy(() -> engine.branches.create(env, "login-fix", "b7a11c3", null, null, Duration.ofMinutes(2)))
                .hasMessageContaining("runs already: destroy branch login-fix first");

        RunRecord destroyed = run(engine.branches.destroy(env, "login-fix"));

        assertThat(destroyed.outcome()).as(destroyed.error()).isEqualTo(RunOutcome.SUCCEEDED);
        assertThat(destroyed.steps()).extracting(s -> s.planned().id())
                .containsExactly("delete-rule", "delete-service", "delete-target-group", "deregister-revisions");
        assertThat(tagged(moto, "login-fix")).as("nothing with the branch's tag is left").isEmpty();
        assertThat(engine.branches.list(env)).isEmpty();
        assertThat(engine.ecs.service(target, env.cluster(), env.service()).desiredCount()).as("the environment's own service").isEqualTo(servingBefore);

        RunRecord again = run(engine.branches.destroy(env, "login-fix"));
        assertThat(again.outcome()).isEqualTo(RunOutcome.SUCCEEDED);
        assertThat(summary(again, "delete-service")).isEqualTo("Service brancher-web-login-fix is gone already");
    }

    @Test
    void aCreateKilledAfterItsTargetGroupResumesToOneOfEverything(MotoWorld moto) throws Exception {
        Path runs = dir.resolve("runs");
        CreateBranch create = engine.branches.create(env, "resumed", "c0ffee1", null, null, Duration.ofMinutes(2));

        DeployChild.killedAfter("create-target-group", CreateBranch.TYPE, dir, runs, moto, env, create.parameters());

        RunRecord interrupted = engine.runner.store().read(engine.runner.store().unfinished(env.name(), CreateBranch.TYPE).get(0).id());
        RunRecord resumed = engine.runner.resume(interrupted.id(), env, Decision.yes(), RunListener.NONE).finished().get(2, TimeUnit.MINUTES);

        assertThat(resumed.outcome()).as(resumed.error()).isEqualTo(RunOutcome.SUCCEEDED);
        assertThat(summary(resumed, "register-revision")).startsWith("Registered brancher-web:");
        assertThat(tagged(moto, "resumed")).as("one service, one target group, one rule, one revision").hasSize(4);
        assertThat(engine.branches.list(env)).extracting(BranchEnvironment::health).containsExactly("1 of 1 running, 1 of 1 targets healthy");
    }
}
