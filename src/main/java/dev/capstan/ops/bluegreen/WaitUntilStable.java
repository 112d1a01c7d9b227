package dev.capstan.ops.bluegreen;

import dev.capstan.domain.ServiceTask;
import dev.capstan.domain.TargetGroupInfo;
import dev.capstan.ops.Step;
import dev.capstan.ops.StepContext;
import dev.capstan.ops.StepKind;
import dev.capstan.ops.StepPreview;
import dev.capstan.ops.Wait;
import dev.capstan.ops.deploy.TaskDeath;
import java.util.ArrayList;
import java.util.List;

/**
 * After the new set is made: wait until the new set runs as many tasks as the service desires, each behind a healthy
 * target of the idle colour. A task of the set that stops fails the deploy at once, with ECS's reason, each
 * container's exit code and the task's last log lines; the traffic has not moved.
 */
final class WaitUntilStable implements Step {
    private static final int LAST_LINES = 10;
    private final BlueGreenDeploy deploy;

    WaitUntilStable(BlueGreenDeploy deploy) {
        this.deploy = deploy;
    }

    @Override
    public String id() {
        return "wait-stable";
    }

    @Override
    public StepKind kind() {
        return StepKind.WAIT;
    }

    @Override
    public StepPreview preview() {
        return StepPreview.of("Wait until the new task set's tasks are all RUNNING and every one of their targets is healthy (at most "
                + deploy.timeout().toMinutes() + " min)");
    }

    @Override
    public String run(StepContext context) {
        String set = context.fact(BlueGreenDeploy.NEW_TASK_SET).orElseThrow();
        String setId = set.substring(set.indexOf("/ecs-svc/") + 1);
        String group = Colour.valueOf(context.fact(BlueGreenDeploy.TO).orElseThrow()).targetGroup(deploy.environment().loadBalancer());
        Stability stable = context.waitUntil(Wait.<Stability>forThe("the deploy").atMost(deploy.timeout()).every(deploy.services().poll())
                .measuredBy(deploy.services().clock()).looking(() -> look(context, setId, group))
                .orFail(last -> "After " + deploy.timeout().toMinutes() + " min the new task set is not stable (" + last.line() + ")"
                        + (last.found().unhealthy().isEmpty() ? "" : ": " + String.join("; ", last.found().unhealthy())) + ". The traffic has not moved."));
        return "The new task set is stable: " + stable.counts();
    }

    /**
     * One look's counts, and the targets not yet healthy: kept for the timeout's sentence rather than logged, so the
     * step's newest line stays the counts the Deploys page shows.
     */
    private record Stability(String counts, List<String> unhealthy) {
    }

    /** One look at the new set: a dying task fails the wait at once with why; otherwise its counts and its targets not yet healthy. */
    private Wait.Look<Stability> look(StepContext context, String setId, String group) {
        int desired = deploy.services().ecs().service(deploy.target(), deploy.cluster(), deploy.service()).desiredCount();
        List<ServiceTask> tasks = deploy.services().ecs().serviceTaskDetails(deploy.target(), deploy.cluster(), deploy.service()).stream()
                .filter(t -> setId.equals(t.startedBy())).toList();
        for (ServiceTask task : tasks) {
            if (task.stoppingOrStopped()) {
                throw new IllegalStateException(death(task, context));
            }
        }
        List<TargetGroupInfo.Target> targets = deploy.services().targetHealth().health(deploy.target(), group);
        long running = tasks.stream().filter(ServiceTask::running).count();
        long healthy = tasks.stream().filter(ServiceTask::running)
                .filter(t -> targets.stream().anyMatch(x -> t.isBehind(x) && "healthy".equals(x.state()))).count();
        String counts = "new tasks: " + running + " of " + desired + " RUNNING, " + healthy + " healthy";
        if (desired > 0 && running == desired && healthy == desired) {
            return Wait.Look.done(new Stability(counts, List.of()), counts);
        }
        List<String> pending = new ArrayList<>();
        targets.stream().filter(x -> !"healthy".equals(x.state()) && tasks.stream().anyMatch(t -> t.isBehind(x)))
                .forEach(x -> pending.add("target " + x.id() + ":" + x.port() + " " + x.state()
                        + (x.description() == null ? "" : ": " + x.description())));
        return Wait.Look.notYet(new Stability(counts, pending), counts, List.of());
    }

    /** Why a new task died: ECS's reason, each container's exit code, its last log lines (also into the run's log). */
    private String death(ServiceTask task, StepContext context) {
        TaskDeath.Cause cause = new TaskDeath(deploy.services().ecs(), deploy.services().logs()).of(deploy.environment(), deploy.target(),
                task.arn(), LAST_LINES);
        cause.lastLines().forEach(line -> context.log("| " + line));
        return "Task " + task.shortId() + " of the new set stopped: " + cause.reasonAndExits()
                + (cause.lastLines().isEmpty() ? "" : ". Its last lines: " + String.join(" / ", cause.lastLines()))
                + ". The traffic has not moved; fix the image and start over, or resume to wait again.";
    }
}
