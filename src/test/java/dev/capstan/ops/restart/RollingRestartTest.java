package dev.capstan.ops.restart;

import static dev.capstan.testworld.Runs.records;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.capstan.aws.sandbox.EnvironmentSpec;
import dev.capstan.domain.Environment;
import dev.capstan.domain.GroupCapacity;
import dev.capstan.domain.ServiceTask;
import dev.capstan.ops.Decision;
import dev.capstan.ops.EngineWorld;
import dev.capstan.ops.Plan;
import dev.capstan.ops.PlannedStep;
import dev.capstan.ops.RunHandle;
import dev.capstan.ops.RunListener;
import dev.capstan.ops.RunOutcome;
import dev.capstan.ops.RunRecord;
import dev.capstan.sandbox.SandboxDatabase;
import dev.capstan.testworld.Eventually;
import dev.capstan.testworld.MotoExtension;
import dev.capstan.testworld.MotoWorld;
import dev.capstan.testworld.PostgresExtension;
import dev.capstan.testworld.SchedulerLoop;
import dev.capstan.testworld.StartupLog;
import dev.capstan.testworld.TargetHealthFaults;
import dev.capstan.testworld.TestEstate;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

/** The rolling restart against moto, with the sandbox's scheduler and container agents playing ECS. */
@ExtendWith({MotoExtension.class, PostgresExtension.class})
class RollingRestartTest {
    @TempDir
    Path dir;
    private EngineWorld engine;
    private SchedulerLoop scheduler;

    @BeforeEach
    void setUp(MotoWorld moto) {
        engine = new EngineWorld(moto, dir.resolve("runs"));
    }

    @AfterEach
    void tearDown() throws Exception {
        if (scheduler != null) {
            scheduler.close();
        }
        engine.close();
    }

    private Environment ec2(MotoWorld moto, SandboxDatabase database, String name) throws Exception {
        Environment environment = TestEstate.environment(moto, database, TestEstate.spec(name).withLaunchType(EnvironmentSpec.EC2));
        scheduler = SchedulerLoop.start(moto, environment.cluster());
        Eventually.waitFor(() -> running(environment).size() == 2);
        moto.faults().clear();
        return environment;
    }

    private List<ServiceTask> running(Environment environment) {
        return engine.ecs.serviceTaskDetails(engine.targets.of(environment), environment.cluster(), environment.service()).stream()
                .filter(ServiceTask::running).toList();
    }

    private RunRecord run(RollingRestart restart) throws Exception {
        return engine.runner.start(restart, engine.runner.plan(restart), Decision.yes(), RunListener.NONE).finished().get(2, TimeUnit.MINUTES);
    }

    /**
     * Starts the restart and lets its timeout pass only once its log has said, for {@code tasks} distinct tasks
     * or targets, what the test means it to wait for: the failure then names that, however slow the machine.
     */
    private RunRecord timedOut(RollingRestart restart, String waitingFor, int tasks) throws Exception {
        Set<String> seen = java.util.concurrent.ConcurrentHashMap.newKeySet();
        java.util.concurrent.CountDownLatch all = new java.util.concurrent.CountDownLatch(1);
        RunListener watching = new RunListener() {
            @Override
            public void log(PlannedStep step, String line) {
                if (line.startsWith("waiting: ") && line.contains(waitingFor) && seen.add(line) && seen.size() >= tasks) {
                    all.countDown();
                }
            }
        };
        RunHandle handle = engine.runner.start(restart, engine.runner.plan(restart), Decision.yes(), watching);
        assertThat(all.await(2, TimeUnit.MINUTES)).as("the restart came to wait for " + waitingFor).isTrue();
        engine.restartClock.advance(restart.request().timeout().plusSeconds(1));
        return handle.finished().get(2, TimeUnit.MINUTES);
    }

    private static boolean mutating(String operation) {
        return !(operation.startsWith("Describe") || operation.startsWith("List") || operation.startsWith("Get") || operation.startsWith("Filter"));
    }

    @Test
    void thePlanShowsTodaysNumbersAndWhatEachStepWillSetAndChangesNothing(MotoWorld moto, SandboxDatabase database) throws Exception {
        Environment environment = ec2(moto, database, "planner");
        RollingRestart restart = engine.restart.restart(environment, null, null, Duration.ofMinutes(5), true);

        Plan plan = engine.runner.plan(restart);

        assertThat(restart.request().count()).as("doubled, and the group at its maximum holds 4 (one a instance)").isEqualTo(4);
        assertThat(plan.steps()).extracting(PlannedStep::id).containsExactly("read-starting-point", "raise-group", "raise-service-count",
                "wait-new-tasks-healthy", "stop-old-tasks", "restore-service-count", "restore-group", "wait-settled");
        assertThat(plan.step("raise-group").sentence()).isEqualTo("Raise the desired capacity of auto scaling group planner-asg from 2 to its maximum, 4");
        assertThat(plan.step("raise-service-count").before()).isEqualTo("2");
        assertThat(plan.step("raise-service-count").after()).isEqualTo("4");
        assertThat(plan.step("restore-service-count").sentence()).isEqualTo("Put the desired count of planner-web back from 4 to 2");
        assertThat(plan.step("stop-old-tasks").details()).hasSize(2)
                .allMatch(d -> running(environment).stream().anyMatch(t -> d.equals("stop task " + t.id())));
        assertThat(moto.faults().sentOperations().keySet()).noneMatch(RollingRestartTest::mutating);
    }

    @Test
    void aRestartEndsWithOnlyNewTasksRunningAndTheOriginalCountsRestored(MotoWorld moto, SandboxDatabase database) throws Exception {
        Environment environment = ec2(moto, database, "happy");
        Set<String> old = arns(running(environment));

        RunRecord run = run(engine.restart.restart(environment, null, null, Duration.ofMinutes(1), true));

        assertThat(run.outcome()).as(run.error()).isEqualTo(RunOutcome.SUCCEEDED);
        assertThat(Set.copyOf(run.facts().get("oldTasks"))).isEqualTo(old);
        assertThat(run.facts()).containsEntry("originalDesiredCount", List.of("2")).containsEntry("originalGroupCapacity", List.of("2"));
        assertEndState(moto, environment, old);
        assertThat(moto.faults().sent("StopTask")).as("each old task stopped once, no new one").isEqualTo(2);
        assertThat(stepLog(run, "wait-new-tasks-healthy")).anyMatch(line -> line.startsWith("desired 4, running 4, new healthy 2 of 2, old remaining 2"));
    }

    /** What an uninterrupted restart leaves: the old tasks stopped by the restart, two new tasks running and healthy, both counts back at 2. */
    static void assertEndState(MotoWorld moto, Environment environment, Set<String> old) {
        var ecs = moto.clients().ecs(moto.target());
        var service = ecs.describeServices(r -> r.cluster(environment.cluster()).services(environment.service())).services().get(0);
        assertThat(service.desiredCount()).isEqualTo(2);
        var group = moto.clients().autoScaling(moto.target()).describeAutoScalingGroups(r -> r.autoScalingGroupNames(environment.autoScalingGroup()))
                .autoScalingGroups().get(0);
        assertThat(group.desiredCapacity()).isEqualTo(2);
        var all = ecs.describeTasks(r -> r.cluster(environment.cluster()).tasks(new java.util.ArrayList<>(old))).tasks();
        assertThat(all).hasSize(old.size()).allMatch(t -> "STOPPED".equals(t.desiredStatus()))
                .allMatch(t -> t.stoppedReason().startsWith("Rolling restart by"));
        List<String> live = ecs.listTasks(r -> r.cluster(environment.cluster()).desiredStatus("RUNNING")).taskArns();
        assertThat(live).hasSize(2).doesNotContainAnyElementsOf(old);
        var liveTasks = ecs.describeTasks(r -> r.cluster(environment.cluster()).tasks(live)).tasks();
        assertThat(liveTasks).allMatch(t -> t.stoppedReason() == null || !t.stoppedReason().startsWith("Rolling restart"));
    }

    @Test
    void newTargetsThatStayUnhealthyTimeOutWithTheReasonAndTheCountsCanBePutBack(MotoWorld moto, SandboxDatabase database) throws Exception {
        Environment environment = ec2(moto, database, "sickly");
        Set<String> oldIps = new HashSet<>();
        running(environment).forEach(t -> oldIps.addAll(t.addresses()));
        moto.targetHealth().failChecksOf(id -> !oldIps.contains(id));

        RunRecord failed = timedOut(engine.restart.restart(environment, null, null, Duration.ofSeconds(3), true),
                " unhealthy: " + TargetHealthFaults.FAILED_CHECKS, 2);

        assertThat(failed.outcome()).isEqualTo(RunOutcome.FAILED);
        assertThat(failed.error()).startsWith("After 3 s the restart still waits for: target ")
                .contains(" unhealthy: " + TargetHealthFaults.FAILED_CHECKS);
        assertThat(stepLog(failed, "wait-new-tasks-healthy")).anyMatch(line -> line.startsWith("waiting: target ") && line.endsWith(TargetHealthFaults.FAILED_CHECKS));
        assertThat(moto.faults().sent("StopTask")).as("no old task is stopped while the new ones are unhealthy").isZero();

        PutCountsBack putBack = engine.restart.putBack(failed, environment);
        RunRecord back = engine.runner.start(putBack, engine.runner.plan(putBack), Decision.yes(), RunListener.NONE).finished().get(1, TimeUnit.MINUTES);

        assertThat(back.outcome()).as(back.error()).isEqualTo(RunOutcome.SUCCEEDED);
        assertThat(engine.ecs.service(engine.targets.of(environment), environment.cluster(), environment.service()).desiredCount()).isEqualTo(2);
        assertThat(moto.clients().autoScaling(moto.target()).describeAutoScalingGroups(r -> r.autoScalingGroupNames(environment.autoScalingGroup()))
                .autoScalingGroups().get(0).desiredCapacity()).isEqualTo(2);
    }

    @Test
    void aNewTaskMustLogTheHealthLineWhenAPatternIsGiven(MotoWorld moto, SandboxDatabase database) throws Exception {
        Environment environment = ec2(moto, database, "logger");

        RunRecord failed = timedOut(engine.restart.restart(environment, null, "HealthCheckService ready", Duration.ofSeconds(3), false),
                "has not logged \"HealthCheckService ready\" yet", 2);

        assertThat(failed.outcome()).isEqualTo(RunOutcome.FAILED);
        assertThat(failed.error()).contains("has not logged \"HealthCheckService ready\" yet");
        assertThat(failed.steps()).extracting(s -> s.planned().id()).doesNotContain("restore-group");

        PutCountsBack putBack = engine.restart.putBack(failed, environment);
        RunRecord back = engine.runner.start(putBack, engine.runner.plan(putBack), Decision.yes(), RunListener.NONE).finished().get(2, TimeUnit.MINUTES);
        assertThat(back.outcome()).as(back.error()).isEqualTo(RunOutcome.SUCCEEDED);
        assertThat(running(environment)).as("the put-back ends once ECS and the group have trimmed their surplus").hasSize(2);
        engine.runner.abandon(failed.id(), environment, "the test starts over");

        // From now on the app logs its ready line as it starts: every task started from here on does, whichever ECS picks.
        try (StartupLog app = StartupLog.start(moto, environment, "[Nest] 1 - LOG [HealthCheckService] HealthCheckService ready: 5 regions")) {
            RollingRestart again = engine.restart.restart(environment, null, "HealthCheckService ready", Duration.ofMinutes(1), false);
            RunRecord succeeded = run(again);

            assertThat(succeeded.outcome()).as(succeeded.error()).isEqualTo(RunOutcome.SUCCEEDED);
            assertThat(stepLog(succeeded, "wait-new-tasks-healthy")).as("tasks of the first attempt, stopped before this one began, are not news")
                    .noneMatch(line -> line.contains("stopped: Host EC2"));
        }
    }

    @Test
    void aFargateServiceSkipsTheGroupSteps(MotoWorld moto, SandboxDatabase database) throws Exception {
        Environment environment = TestEstate.environment(moto, database, "fargate");
        scheduler = SchedulerLoop.start(moto, environment.cluster());
        Set<String> old = arns(running(environment));
        RollingRestart restart = engine.restart.restart(environment, 3, null, Duration.ofMinutes(1), true);

        RunRecord run = run(restart);

        assertThat(run.outcome()).as(run.error()).isEqualTo(RunOutcome.SUCCEEDED);
        assertThat(restart.warnings()).contains("fargate-web runs on Fargate: auto scaling group fargate-asg is left alone.");
        assertThat(run.steps()).extracting(s -> s.planned().id()).doesNotContain("raise-group", "restore-group");
        assertThat(moto.faults().sent("SetDesiredCapacity")).isZero();
        assertThat(running(environment)).hasSize(2).noneMatch(t -> old.contains(t.arn()));
    }

    @Test
    void aSecondRestartOfTheSameEnvironmentIsRefusedWhileTheLockIsHeld(MotoWorld moto, SandboxDatabase database) throws Exception {
        Environment environment = ec2(moto, database, "locked");
        moto.targetHealth().failChecksOf(id -> true);
        // Its wait outlasts any machine's pace: the test cancels it once the second console was refused.
        RollingRestart first = engine.restart.restart(environment, null, null, Duration.ofMinutes(10), true);
        RunHandle running = engine.runner.start(first, engine.runner.plan(first), Decision.yes(), RunListener.NONE);
        Eventually.waitFor(() -> records(engine.runner.store()).anyMatch(r -> r.steps().size() > 3
                && r.steps().get(3).state() == dev.capstan.ops.StepRecord.State.RUNNING));

        try (EngineWorld second = new EngineWorld(moto.clients(), moto.catalog(), dir.resolve("other-console"), "someone@else")) {
            RollingRestart again = second.restart.restart(environment, null, null, Duration.ofSeconds(30), true);
            RunRecord refused = second.runner.start(again, second.runner.plan(again), Decision.yes(), RunListener.NONE)
                    .finished().get(1, TimeUnit.MINUTES);
            assertThat(refused.outcome()).isEqualTo(RunOutcome.FAILED);
            assertThat(refused.error()).contains("held by tester@test-host");
        }
        running.cancel("test over");
        running.finished().get(1, TimeUnit.MINUTES);
    }

    @Test
    void badRequestsAreRefusedBeforeAnythingIsPlanned(MotoWorld moto, SandboxDatabase database) throws Exception {
        Environment environment = ec2(moto, database, "careful");

        assertThatThrownBy(() -> engine.restart.restart(environment, 2, null, Duration.ofMinutes(1), true))
                .hasMessage("A restart needs room for new tasks beside the 2 running now: give a count above 2 (the group at its maximum holds 4).");
        assertThatThrownBy(() -> engine.restart.restart(environment, 4, null, Duration.ZERO, true))
                .hasMessageContaining("The wait timeout must be positive");
        assertThat(engine.restart.restart(environment, 6, null, Duration.ofMinutes(1), true).warnings())
                .contains("The group at its maximum holds about 4 tasks; ECS may not find room for 6 and the wait would time out.");
        assertThat(moto.faults().sentOperations().keySet()).noneMatch(RollingRestartTest::mutating);
    }

    static List<String> stepLog(RunRecord run, String step) {
        return run.steps().stream().filter(s -> s.planned().id().equals(step)).findFirst().orElseThrow().log();
    }

    static Set<String> arns(List<ServiceTask> tasks) {
        Set<String> arns = new HashSet<>();
        tasks.forEach(t -> arns.add(t.arn()));
        return arns;
    }
}
