package dev.capstan.ops.branch;

import dev.capstan.domain.TargetGroupInfo;
import dev.capstan.domain.TaggedService;
import dev.capstan.domain.TaskState;
import dev.capstan.ops.Step;
import dev.capstan.ops.StepContext;
import dev.capstan.ops.StepKind;
import dev.capstan.ops.StepPreview;
import dev.capstan.ops.Wait;
import java.util.List;

/** Waits until the branch's service runs its task and the task is a healthy target of the branch's group. */
final class WaitUntilBranchHealthy implements Step {
    private final CreateBranch branch;

    WaitUntilBranchHealthy(CreateBranch branch) {
        this.branch = branch;
    }

    @Override
    public String id() {
        return "wait-healthy";
    }

    @Override
    public StepKind kind() {
        return StepKind.WAIT;
    }

    @Override
    public StepPreview preview() {
        return StepPreview.of("Wait until " + branch.serviceName() + " runs its task and the task is healthy in " + branch.targetGroupName()
                + " (at most " + branch.request().timeout().toMinutes() + " min)");
    }

    @Override
    public String run(StepContext context) {
        String targetGroup = context.fact(CreateBranch.TARGET_GROUP).orElseThrow(() -> new IllegalStateException("The journal holds no target group."));
        BranchServices s = branch.services();
        return context.waitUntil(Wait.<String>forThe("the branch's task").atMost(branch.request().timeout()).every(s.poll()).measuredBy(s.clock())
                .looking(() -> {
                    TaggedService service = s.branches().activeService(branch.target(), branch.environment().cluster(), branch.serviceName())
                            .orElseThrow(() -> new IllegalStateException("Service " + branch.serviceName() + " is gone; start over."));
                    // Counted from the tasks themselves: a service's runningCount can lag behind them.
                    long running = s.ecs().serviceTasks(branch.target(), branch.environment().cluster(), branch.serviceName()).stream()
                            .filter(TaskState::running).count();
                    List<TargetGroupInfo.Target> targets = s.health().health(branch.target(), targetGroup);
                    long healthy = targets.stream().filter(t -> "healthy".equals(t.state())).count();
                    String found = running + " of " + service.desiredCount() + " running, " + healthy + " healthy in " + branch.targetGroupName();
                    boolean done = service.desiredCount() > 0 && running >= service.desiredCount() && healthy >= service.desiredCount();
                    return new Wait.Look<>(found, found, done, List.of());
                }).orFail(last -> branch.serviceName() + " is not healthy after " + branch.request().timeout().toMinutes() + " min: " + last.found()
                        + "; look at its stopped tasks and the target group's health check."));
    }
}
