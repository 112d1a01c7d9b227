package dev.capstan.aws;

import static org.assertj.core.api.Assertions.assertThat;

import dev.capstan.aws.sandbox.EcsScheduler;
import dev.capstan.aws.sandbox.EnvironmentSpec;
import dev.capstan.aws.sandbox.LogTrickle;
import dev.capstan.aws.sandbox.SeededEnvironment;
import dev.capstan.testworld.MotoExtension;
import dev.capstan.testworld.MotoWorld;
import dev.capstan.testworld.TestEstate;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import software.amazon.awssdk.services.ecs.model.Task;

@ExtendWith(MotoExtension.class)
class EcsSchedulerTest {

    private static List<Task> running(MotoWorld moto, EnvironmentSpec spec) {
        var ecs = moto.clients().ecs(moto.target());
        List<String> arns = ecs.listTasks(r -> r.cluster(spec.cluster()).desiredStatus("RUNNING")).taskArns();
        return arns.isEmpty() ? List.of() : ecs.describeTasks(r -> r.cluster(spec.cluster()).tasks(arns)).tasks().stream()
                .filter(t -> "RUNNING".equals(t.desiredStatus())).toList();
    }

    private static Set<String> targets(MotoWorld moto, String targetGroup) {
        return moto.clients().elb(moto.target()).describeTargetHealth(r -> r.targetGroupArn(targetGroup)).targetHealthDescriptions()
                .stream().map(d -> d.target().id()).collect(Collectors.toSet());
    }

    private static Set<String> ips(List<Task> tasks) {
        return tasks.stream().map(t -> EcsScheduler.privateIp(t).orElseThrow()).collect(Collectors.toSet());
    }

    @Test
    void keepsServicesAtTheirDesiredCountAndTargetGroupsInStep(MotoWorld moto) {
        EnvironmentSpec spec = TestEstate.spec("sched");
        SeededEnvironment seeded = TestEstate.seed(moto, spec);
        EcsScheduler scheduler = new EcsScheduler(moto.clients(), moto.target(), List.of(spec.cluster()));

        List<Task> first = running(moto, spec);
        assertThat(first).hasSize(2).allSatisfy(t -> assertThat(t.group()).isEqualTo("service:" + spec.service()));
        assertThat(targets(moto, seeded.blueTargetGroupArn())).isEqualTo(ips(first));
        assertThat(targets(moto, seeded.greenTargetGroupArn())).isEmpty();

        var ecs = moto.clients().ecs(moto.target());
        ecs.updateService(r -> r.cluster(spec.cluster()).service(spec.service()).desiredCount(4));
        scheduler.reconcileOnce();
        assertThat(running(moto, spec)).hasSize(4);
        assertThat(targets(moto, seeded.blueTargetGroupArn())).hasSize(4);

        // A task stopped by hand is replaced, and its IP leaves the target group.
        Task victim = running(moto, spec).get(0);
        ecs.stopTask(r -> r.cluster(spec.cluster()).task(victim.taskArn()));
        scheduler.reconcileOnce();
        List<Task> after = running(moto, spec);
        assertThat(after).hasSize(4).noneMatch(t -> t.taskArn().equals(victim.taskArn()));
        assertThat(targets(moto, seeded.blueTargetGroupArn())).isEqualTo(ips(after));

        ecs.updateService(r -> r.cluster(spec.cluster()).service(spec.service()).desiredCount(1));
        scheduler.reconcileOnce();
        assertThat(running(moto, spec)).hasSize(1);
        assertThat(targets(moto, seeded.blueTargetGroupArn())).isEqualTo(ips(running(moto, spec)));
    }

    @Test
    void taskSetsRunTheirShareBehindTheirOwnTargetGroup(MotoWorld moto) {
        EnvironmentSpec spec = TestEstate.spec("sets").withBlueGreen();
        SeededEnvironment seeded = TestEstate.seed(moto, spec);
        EcsScheduler scheduler = new EcsScheduler(moto.clients(), moto.target(), List.of(spec.cluster()));
        var ecs = moto.clients().ecs(moto.target());
        var primary = ecs.describeTaskSets(r -> r.cluster(spec.cluster()).service(spec.service())).taskSets().get(0);
        assertThat(primary.status()).isEqualTo("PRIMARY");
        assertThat(running(moto, spec)).hasSize(2).allMatch(t -> primary.id().equals(t.startedBy()));
        assertThat(targets(moto, seeded.blueTargetGroupArn())).isEqualTo(ips(running(moto, spec)));

        var green = ecs.createTaskSet(r -> r.cluster(spec.cluster()).service(spec.service()).taskDefinition(primary.taskDefinition())
                .launchType(primary.launchType()).networkConfiguration(primary.networkConfiguration())
                .loadBalancers(lb -> lb.targetGroupArn(seeded.greenTargetGroupArn()).containerName(spec.container()).containerPort(3000))).taskSet();
        scheduler.reconcileOnce();
        List<Task> both = running(moto, spec);
        assertThat(both).hasSize(4);
        Set<String> greenIps = ips(both.stream().filter(t -> green.id().equals(t.startedBy())).toList());
        assertThat(targets(moto, seeded.greenTargetGroupArn())).hasSize(2).isEqualTo(greenIps);

        ecs.deleteTaskSet(r -> r.cluster(spec.cluster()).service(spec.service()).taskSet(primary.taskSetArn()));
        scheduler.reconcileOnce();
        scheduler.reconcileOnce();
        assertThat(running(moto, spec)).hasSize(2).allMatch(t -> green.id().equals(t.startedBy()));
        assertThat(targets(moto, seeded.blueTargetGroupArn())).isEmpty();
    }

    @Test
    void logTrickleWritesIntoEachTasksAwslogsStream(MotoWorld moto) {
        EnvironmentSpec spec = TestEstate.spec("trickle");
        TestEstate.seed(moto, spec);
        LogTrickle trickle = new LogTrickle(moto.clients(), moto.target());
        trickle.writeOnce(spec.cluster(), spec.service(), spec.container(), spec.logGroup());
        trickle.writeOnce(spec.cluster(), spec.service(), spec.container(), spec.logGroup());
        var logs = moto.clients().logs(moto.target());
        var streams = logs.describeLogStreams(r -> r.logGroupName(spec.logGroup())).logStreams();
        assertThat(streams).hasSize(2).allSatisfy(s -> assertThat(s.logStreamName()).startsWith("app/" + spec.container() + "/"));
        var events = logs.filterLogEvents(r -> r.logGroupName(spec.logGroup()).interleaved(true)).events();
        assertThat(events.size()).isGreaterThanOrEqualTo(4);
        assertThat(events).allSatisfy(e -> assertThat(e.message()).startsWith("[Nest]"));
    }
}
